package io.tapeflow.infra.emulator.gateway;

import io.tapeflow.infra.emulator.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Marker/Limit pagination over a list sorted by a key. The marker is opaque to clients: the key of
 * the last item returned, encoded; the next page starts after it, so items added or removed between
 * pages neither repeat nor shift the rest. The last page carries no marker.
 */
final class Paging {
  static final int DEFAULT_LIMIT = 100;

  private Paging() {}

  /**
   * One page.
   *
   * @param items the page's items
   * @param marker the marker for the next page, or null on the last page
   */
  record Page<T>(List<T> items, String marker) {}

  static <T> Page<T> page(List<T> sorted, Function<T, String> key, String marker, Integer limit) {
    int n = limit == null ? DEFAULT_LIMIT : limit;
    int start = 0;
    if (marker != null) {
      String after = decode(marker);
      while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = (int) Math.min((long) start + n, sorted.size());
    List<T> items = List.copyOf(sorted.subList(start, end));
    String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
    return new Page<>(items, next);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("after:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String marker) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      if (s.startsWith("after:")) {
        return s.substring("after:".length());
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalidParameters(
        "Marker '" + marker + "' was not issued by this gateway; start again without a Marker");
  }
}
