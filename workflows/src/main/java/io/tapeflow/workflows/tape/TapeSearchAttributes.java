package io.tapeflow.workflows.tape;

import io.tapeflow.workflows.lifecycle.TapeRecord;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search attributes of a tape workflow. All are keywords; register them once per namespace. */
public final class TapeSearchAttributes {
  private TapeSearchAttributes() {}

  public static final SearchAttributeKey<String> BARCODE =
      SearchAttributeKey.forKeyword("TapeBarcode");
  public static final SearchAttributeKey<String> STATE = SearchAttributeKey.forKeyword("TapeState");
  public static final SearchAttributeKey<String> POOL = SearchAttributeKey.forKeyword("TapePool");
  public static final SearchAttributeKey<String> LOCATION =
      SearchAttributeKey.forKeyword("TapeLocation");
  public static final SearchAttributeKey<String> GATEWAY =
      SearchAttributeKey.forKeyword("GatewayName");

  /** Every attribute tapeflow sets, with its type, for registration. */
  public static Map<String, IndexedValueType> definitions() {
    Map<String, IndexedValueType> m = new LinkedHashMap<>();
    for (SearchAttributeKey<String> k : List.of(BARCODE, STATE, POOL, LOCATION, GATEWAY)) {
      m.put(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return m;
  }

  /** The attributes of a tape in the given state. */
  public static SearchAttributes of(TapeIdentity tape, TapeRecord record) {
    return SearchAttributes.newBuilder()
        .set(BARCODE, tape.barcode().value())
        .set(STATE, record.state().name())
        .set(POOL, tape.awsPool())
        .set(LOCATION, record.location().describe())
        .set(GATEWAY, tape.gatewayName())
        .build();
  }
}
