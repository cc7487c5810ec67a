package io.tapeflow.worker.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tapeflow.workflows.tape.TapeSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers tapeflow's search attributes in the namespace, once: attributes that exist already are
 * left alone, so this runs at every worker start. (On Temporal Cloud custom attributes are created
 * through Cloud's own tools; there a refusal is logged, not fatal.)
 */
public final class SearchAttributeRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistry.class);

  private SearchAttributeRegistry() {}

  /** Adds the attributes the namespace lacks; returns the ones it added. */
  public static Map<String, IndexedValueType> ensure(TemporalConnection t) {
    Map<String, IndexedValueType> missing = new LinkedHashMap<>(TapeSearchAttributes.definitions());
    try {
      missing.keySet().removeAll(existing(t).keySet());
      if (missing.isEmpty()) {
        return Map.of();
      }
      t.operatorService()
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(t.namespace())
                  .putAllSearchAttributes(missing)
                  .build());
      LOG.info("registered search attributes {} in namespace {}", missing.keySet(), t.namespace());
      return missing;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return Map.of();
      }
      if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED
          || e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        LOG.warn(
            "cannot register search attributes {} in namespace {} ({}): create them with the"
                + " cluster's tools, as Keyword",
            missing.keySet(),
            t.namespace(),
            e.getStatus());
        return Map.of();
      }
      throw e;
    }
  }

  /** The namespace's custom attributes; none known where listing is not offered (test server). */
  private static Map<String, IndexedValueType> existing(TemporalConnection t) {
    try {
      return t.operatorService()
          .blockingStub()
          .listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace(t.namespace()).build())
          .getCustomAttributesMap();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Map.of();
      }
      throw e;
    }
  }
}
