package io.tapeflow.workflows.gateway;

/** AWS's rule for virtual tape sizes: 100 GiB to 15 TiB, a whole number of GiB. */
public final class TapeSizes {
  private TapeSizes() {}

  public static final long GIB = 1L << 30;
  public static final long MIN = 100 * GIB;
  public static final long MAX = 15 * 1024 * GIB;

  /**
   * Returns the size if valid.
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static long require(long sizeBytes) {
    if (sizeBytes < MIN || sizeBytes > MAX || sizeBytes % GIB != 0) {
      throw new IllegalArgumentException(
          "tape size "
              + sizeBytes
              + " bytes is invalid: a tape is 100 GiB to 15 TiB, a whole number of GiB");
    }
    return sizeBytes;
  }
}
