package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import io.tapeflow.infra.emulator.api.Constraints;
import io.tapeflow.infra.emulator.api.OperationRegistry;
import io.tapeflow.infra.emulator.library.LibraryLayout;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.storagegateway.model.DescribeGatewayInformationRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeGatewayInformationResponse;
import software.amazon.awssdk.services.storagegateway.model.DescribeVtlDevicesRequest;
import software.amazon.awssdk.services.storagegateway.model.DescribeVtlDevicesResponse;
import software.amazon.awssdk.services.storagegateway.model.DeviceiSCSIAttributes;
import software.amazon.awssdk.services.storagegateway.model.GatewayInfo;
import software.amazon.awssdk.services.storagegateway.model.ListGatewaysRequest;
import software.amazon.awssdk.services.storagegateway.model.ListGatewaysResponse;
import software.amazon.awssdk.services.storagegateway.model.NetworkInterface;
import software.amazon.awssdk.services.storagegateway.model.VTLDevice;

/**
 * The gateway itself: ListGateways (one gateway per emulator), DescribeGatewayInformation and
 * DescribeVTLDevices, which names the real tgt targets (IQNs, portal address and port).
 */
public final class GatewayOperations {
  /** Reported as the gateway's software version. */
  static final String SOFTWARE_VERSION = "tapeflow-emulator";

  private final Gateway g;

  /** Describes {@code gateway}. */
  public GatewayOperations(Gateway gateway) {
    this.g = gateway;
  }

  /** Registers the gateway operations. */
  public void register(OperationRegistry registry) {
    registry
        .add("ListGateways", ListGatewaysRequest.class, this::listGateways)
        .add(
            "DescribeGatewayInformation",
            DescribeGatewayInformationRequest.class,
            this::describeGateway)
        .add("DescribeVTLDevices", DescribeVtlDevicesRequest.class, this::describeDevices);
  }

  ListGatewaysResponse listGateways(ListGatewaysRequest r) {
    new Constraints().paging(r.marker(), r.limit()).check();
    GatewayInfo info =
        GatewayInfo.builder()
            .gatewayId(g.arns.gatewayId())
            .gatewayARN(g.arns.gateway())
            .gatewayType("VTL")
            .gatewayOperationalState("ACTIVE")
            .gatewayName(g.settings.gatewayName())
            .hostEnvironment("OTHER")
            .softwareVersion(SOFTWARE_VERSION)
            .build();
    Paging.Page<GatewayInfo> page =
        Paging.page(List.of(info), GatewayInfo::gatewayARN, r.marker(), r.limit());
    return ListGatewaysResponse.builder().gateways(page.items()).marker(page.marker()).build();
  }

  DescribeGatewayInformationResponse describeGateway(DescribeGatewayInformationRequest r) {
    new Constraints()
        .required("gatewayARN", r.gatewayARN())
        .arn("gatewayARN", r.gatewayARN())
        .check();
    g.requireGateway(r.gatewayARN());
    return DescribeGatewayInformationResponse.builder()
        .gatewayARN(g.arns.gateway())
        .gatewayId(g.arns.gatewayId())
        .gatewayName(g.settings.gatewayName())
        .gatewayTimezone("GMT")
        .gatewayState("STATE_RUNNING")
        .gatewayType("VTL")
        .hostEnvironment("OTHER")
        .endpointType("STANDARD")
        .softwareVersion(SOFTWARE_VERSION)
        .gatewayNetworkInterfaces(
            NetworkInterface.builder().ipv4Address(g.layout().portalHost()).build())
        .build();
  }

  DescribeVtlDevicesResponse describeDevices(DescribeVtlDevicesRequest r) {
    Constraints c =
        new Constraints()
            .required("gatewayARN", r.gatewayARN())
            .arn("gatewayARN", r.gatewayARN())
            .paging(r.marker(), r.limit());
    List<String> wanted = r.hasVtlDeviceARNs() ? r.vtlDeviceARNs() : List.of();
    for (int i = 0; i < wanted.size(); i++) {
      c.arn("vTLDeviceARNs." + (i + 1) + ".member", wanted.get(i));
    }
    c.check();
    g.requireGateway(r.gatewayARN());
    List<VTLDevice> all = devices();
    List<String> known = all.stream().map(VTLDevice::vtlDeviceARN).toList();
    for (String arn : wanted) {
      if (!known.contains(arn)) {
        throw ApiException.invalidParameters(
            "VTL device " + arn + " is not a device of gateway " + g.arns.gateway());
      }
    }
    List<VTLDevice> selected =
        all.stream().filter(d -> wanted.isEmpty() || wanted.contains(d.vtlDeviceARN())).toList();
    Paging.Page<VTLDevice> page =
        Paging.page(selected, VTLDevice::vtlDeviceARN, r.marker(), r.limit());
    return DescribeVtlDevicesResponse.builder()
        .gatewayARN(g.arns.gateway())
        .vtlDevices(page.items())
        .marker(page.marker())
        .build();
  }

  /** The changer then the drives, sorted by ARN (which is that order). */
  private List<VTLDevice> devices() {
    LibraryLayout l = g.layout();
    List<VTLDevice> list = new ArrayList<>();
    list.add(
        device(g.arns.changerDevice(), "Medium Changer", "AWS", "Gateway-VTL", l.changerIqn(), l));
    for (int k = 0; k < l.driveIqns().size(); k++) {
      list.add(
          device(
              g.arns.driveDevice(k), "Tape Drive", "IBM", "ULT3580-TD5", l.driveIqns().get(k), l));
    }
    return list;
  }

  private VTLDevice device(
      String arn, String type, String vendor, String product, String iqn, LibraryLayout l) {
    return VTLDevice.builder()
        .vtlDeviceARN(arn)
        .vtlDeviceType(type)
        .vtlDeviceVendor(vendor)
        .vtlDeviceProductIdentifier(product)
        .deviceiSCSIAttributes(
            DeviceiSCSIAttributes.builder()
                .targetARN(g.arns.target(iqn))
                .networkInterfaceId(l.portalHost())
                .networkInterfacePort(l.portalPort())
                .chapEnabled(false)
                .build())
        .build();
  }
}
