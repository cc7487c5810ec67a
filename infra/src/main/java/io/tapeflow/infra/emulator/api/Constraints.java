package io.tapeflow.infra.emulator.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a request against the service model's constraints (required, length, range, pattern, enum)
 * and fails with one {@code ValidationException} listing every violation, in the service's words:
 * "2 validation errors detected: Value 'foo' at 'gatewayARN' failed to satisfy constraint: Member
 * must have length greater than or equal to 50; …". The SDK validates nothing client-side, so this
 * is where a malformed request stops, before any state is read or changed.
 */
public final class Constraints {
  /** Tape ARN pattern of the model ({@code TapeARN}). */
  public static final Pattern TAPE_ARN =
      Pattern.compile(
          "^arn:(aws(|-cn|-us-gov|-iso[A-Za-z0-9_-]*|-eusc)):storagegateway:[a-z\\-0-9]+:[0-9]+:"
              + "tape\\/[0-9A-Z]{5,16}$");

  /** Barcode pattern of the model ({@code TapeBarcode}). */
  public static final Pattern BARCODE = Pattern.compile("^[A-Z0-9]*$");

  /** Barcode prefix pattern of the model ({@code TapeBarcodePrefix}). */
  public static final Pattern BARCODE_PREFIX = Pattern.compile("^[A-Z]*$");

  /** Pool name pattern of the model ({@code PoolName}). */
  public static final Pattern POOL_NAME =
      Pattern.compile("^[ -\\.0-\\[\\]-~]*[!-\\.0-\\[\\]-~][ -\\.0-\\[\\]-~]*$");

  /** KMS key pattern of the model ({@code KMSKey}). */
  public static final Pattern KMS_KEY =
      Pattern.compile(
          "(^arn:(aws(|-cn|-us-gov|-iso[A-Za-z0-9_-]*|-eusc)):kms:([a-zA-Z0-9-]+):([0-9]+):"
              + "(key|alias)/(\\S+)$)|(^alias/(\\S+)$)");

  /** Tag key pattern of the model ({@code TagKey}). */
  public static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

  private final List<String> violations = new ArrayList<>();

  /** The value must be present. */
  public Constraints required(String member, Object value) {
    if (value == null) {
      violations.add(
          "Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  /** A string's length must be within [min, max] (when present). */
  public Constraints length(String member, String value, int min, int max) {
    if (value != null) {
      if (value.length() < min) {
        fail(member, value, "Member must have length greater than or equal to " + min);
      } else if (value.length() > max) {
        fail(member, value, "Member must have length less than or equal to " + max);
      }
    }
    return this;
  }

  /** A string must match a pattern (when present). */
  public Constraints pattern(String member, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).find()) {
      fail(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return this;
  }

  /** A number must be within [min, max] (when present). */
  public Constraints range(String member, Number value, long min, long max) {
    if (value != null) {
      long v = value.longValue();
      if (v < min) {
        fail(member, value, "Member must have value greater than or equal to " + min);
      } else if (v > max) {
        fail(member, value, "Member must have value less than or equal to " + max);
      }
    }
    return this;
  }

  /** A string must be one of an enum's values (when present). */
  public Constraints oneOf(String member, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      fail(member, value, "Member must satisfy enum value set: " + allowed);
    }
    return this;
  }

  /** A list must have at most {@code max} members (when present). */
  public Constraints size(String member, List<?> value, int min, int max) {
    if (value != null) {
      if (value.size() < min) {
        fail(member, value, "Member must have length greater than or equal to " + min);
      } else if (value.size() > max) {
        fail(member, value, "Member must have length less than or equal to " + max);
      }
    }
    return this;
  }

  /** A Tape ARN (length and pattern). */
  public Constraints tapeArn(String member, String value) {
    length(member, value, 50, 500);
    if (value != null && value.length() >= 50 && value.length() <= 500) {
      pattern(member, value, TAPE_ARN);
    }
    return this;
  }

  /** A list of Tape ARNs. */
  public Constraints tapeArns(String member, List<String> values) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        tapeArn(member + "." + (i + 1) + ".member", values.get(i));
      }
    }
    return this;
  }

  /** A Gateway ARN, Pool ARN or device ARN (length only, as in the model). */
  public Constraints arn(String member, String value) {
    return length(member, value, 50, 500);
  }

  /** Pagination members: Marker 1–2000 characters, Limit at least 1. */
  public Constraints paging(String marker, Integer limit) {
    length("marker", marker, 1, 2000);
    range("limit", limit, 1, Integer.MAX_VALUE);
    return this;
  }

  /** Fails with one ValidationException if anything was violated. */
  public void check() {
    if (violations.isEmpty()) {
      return;
    }
    int n = violations.size();
    String head = n + (n == 1 ? " validation error detected: " : " validation errors detected: ");
    throw ApiException.validation(head + String.join("; ", violations));
  }

  private void fail(String member, Object value, String constraint) {
    violations.add(
        "Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
  }
}
