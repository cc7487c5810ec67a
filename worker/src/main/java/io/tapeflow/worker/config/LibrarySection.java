package io.tapeflow.worker.config;

import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.changer.ChangerUri;
import io.tapeflow.workflows.common.TaskQueues;
import io.tapeflow.workflows.gateway.TapeSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code gateways} and {@code pools}, and checks that each pool names a gateway. */
final class LibrarySection {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d");
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,4}");

  private LibrarySection() {}

  /**
   * The gateways that are valid; {@code names} receives every name written, valid entry or not, so
   * a pool naming a gateway with another error is not reported twice.
   */
  static List<GatewayConfig> gateways(
      List<Section.Item> items, Problems problems, Path base, Map<String, Integer> names) {
    List<GatewayConfig> out = new ArrayList<>();
    for (Section.Item item : items) {
      Optional<Section> s = Section.of(item.node(), item.path(), problems);
      if (s.isEmpty()) {
        continue;
      }
      gateway(s.get(), base, names).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<GatewayConfig> gateway(Section s, Path base, Map<String, Integer> names) {
    int before = s.problems().count();
    Optional<String> name =
        s.value(
            "name",
            true,
            "a name for the gateway (letters, digits, . _ -)",
            n -> TaskQueues.requireName("gateway", n));
    name.ifPresent(
        n -> {
          Integer first = names.putIfAbsent(n, s.line("name"));
          if (first != null) {
            s.error("name", "'" + n + "' is already the name of the gateway on line " + first);
          }
        });
    Optional<GatewayArn> arn = s.value("arn", true, GatewayArn.FORM, GatewayArn::parse);
    Optional<String> region =
        s.value(
            "region",
            true,
            "the AWS region, e.g. eu-west-1",
            r -> {
              if (!REGION.matcher(r).matches()) {
                throw new IllegalArgumentException("'" + r + "' is not an AWS region (eu-west-1)");
              }
              return r;
            });
    if (arn.isPresent() && region.isPresent() && !arn.get().region().equals(region.get())) {
      s.error(
          "region",
          "'" + region.get() + "' is not the region of the ARN ('" + arn.get().region() + "')");
    }
    Optional<URI> endpoint = s.value("endpoint", false, "", Values::endpoint);
    Optional<ChangerUri> changer = changer(s, base);
    List<Path> drives = new ArrayList<>();
    for (Section.Item d : s.list("drives", true)) {
      if (d.node() instanceof YamlNode.Scalar sc
          && sc.text() != null
          && sc.text().startsWith("/")) {
        drives.add(Values.path(base, sc.text()));
      } else {
        s.problems()
            .add(d.node().line(), d.path(), "expected a drive's absolute device path (/dev/nst0)");
      }
    }
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new GatewayConfig(
            name.orElseThrow(),
            arn.orElseThrow(),
            region.orElseThrow(),
            endpoint,
            changer.orElseThrow(),
            drives));
  }

  /**
   * The changer URI, with the CHAP secret read from {@code chapSecretFile}: a secret written in the
   * URI itself is refused, since the YAML holds no secrets.
   */
  private static Optional<ChangerUri> changer(Section s, Path base) {
    Optional<ChangerUri> uri =
        s.value(
            "changer",
            true,
            "the changer URI (iscsi://host/target-iqn/lun, /dev/sgN or mtx:/dev/sgN)",
            ChangerUri::parse);
    Optional<Path> secretFile =
        s.value("chapSecretFile", false, "", v -> Values.readableFile(base, v));
    if (uri.isEmpty()) {
      return uri;
    }
    ChangerUri u = uri.get();
    if (u.password().isPresent()) {
      s.error(
          "changer",
          "the CHAP secret must not be written in the config: put it in a file readable only by"
              + " tapeflow and name that file in chapSecretFile");
      return Optional.empty();
    }
    if (secretFile.isEmpty()) {
      return uri;
    }
    if (u.kind() != ChangerUri.Kind.ISCSI || u.user().isEmpty()) {
      s.error("chapSecretFile", "needs an iscsi://USER@host/… changer URI naming the CHAP user");
      return Optional.empty();
    }
    String secret;
    try {
      secret = Files.readString(secretFile.get(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = s.text("changer").orElseThrow();
    String host = text.substring(text.lastIndexOf('@') + 1);
    try {
      return Optional.of(ChangerUri.parse("iscsi://" + u.user().get() + "%" + secret + "@" + host));
    } catch (IllegalArgumentException e) {
      s.error(
          "chapSecretFile", "the secret in the file is empty or has spaces or control characters");
      return Optional.empty();
    }
  }

  static List<PoolConfig> pools(
      List<Section.Item> items, Problems problems, List<String> gatewayNames) {
    List<PoolConfig> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Section.Item item : items) {
      Optional<Section> s = Section.of(item.node(), item.path(), problems);
      if (s.isEmpty()) {
        continue;
      }
      pool(s.get(), gatewayNames, names).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<PoolConfig> pool(
      Section s, List<String> gatewayNames, Map<String, Integer> names) {
    int before = s.problems().count();
    Optional<PoolName> name = s.value("name", true, "the Bacula pool's name", PoolName::of);
    name.ifPresent(
        n -> {
          Integer first = names.putIfAbsent(n.value(), s.line("name"));
          if (first != null) {
            s.error("name", "'" + n + "' is already the pool on line " + first);
          }
        });
    Optional<String> gateway =
        s.value(
            "gateway",
            true,
            "the name of one of the configured gateways",
            g -> {
              if (!gatewayNames.contains(g)) {
                throw new IllegalArgumentException(
                    "'"
                        + g
                        + "' is not a configured gateway"
                        + Suggestions.nearest(g, gatewayNames)
                            .map(n -> " (did you mean '" + n + "'?)")
                            .orElse(" (gateways: " + String.join(", ", gatewayNames) + ")"));
              }
              return g;
            });
    Optional<Shelf> shelf =
        s.value("shelf", true, "GLACIER, DEEP_ARCHIVE or a custom pool ARN", Shelf::parse);
    Optional<String> prefix =
        s.value(
            "barcodePrefix",
            true,
            "1 to 4 letters A-Z",
            p -> {
              if (!PREFIX.matcher(p).matches()) {
                throw new IllegalArgumentException(
                    "'" + p + "' is not a barcode prefix: use 1 to 4 letters A-Z");
              }
              return p;
            });
    Optional<Long> size =
        s.value("tapeSize", true, "a size such as 100GiB", v -> TapeSizes.require(Values.size(v)));
    s.finish();
    if (s.problems().count() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new PoolConfig(
            name.orElseThrow(),
            gateway.orElseThrow(),
            shelf.orElseThrow(),
            prefix.orElseThrow(),
            size.orElseThrow()));
  }
}
