package io.tapeflow.changer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test-only native helpers of {@code infra/native}, built on first use by {@code
 * infra/bin/build-native}: the SG_IO-to-libiscsi LD_PRELOAD shim, the C libiscsi inventory
 * baseline, and the layout probes.
 */
public final class NativeHelpers {
  private static Path dir;

  private NativeHelpers() {}

  /** The directory with the built helpers (builds what is stale). */
  public static synchronized Path dir() {
    if (dir == null) {
      String out = Scripts.runOrFail(300, "build-native", "--print-dir").stdout().trim();
      dir = Path.of(out);
    }
    return dir;
  }

  /** A built helper by name: libsgshim.so, iscsi-inventory, sg-layout, iscsi-layout. */
  public static Path helper(String name) {
    Path p = dir().resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("native helper " + p + " was not built");
    }
    return p;
  }

  /**
   * The environment that makes {@code fakeDevice} an sg node leading to {@code iscsiUrl} in a
   * process started with it (LD_PRELOAD of the shim).
   *
   * @param fakeDevice the path the process will open, exactly as it will pass it to open()
   * @param iscsiUrl {@code iscsi://[user[%secret]@]host:port/iqn/lun}
   */
  public static Map<String, String> shimEnvironment(Path fakeDevice, String iscsiUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LD_PRELOAD", helper("libsgshim.so").toString());
    env.put("TAPEFLOW_SHIM_DEVICE", fakeDevice.toString());
    env.put("TAPEFLOW_SHIM_URL", iscsiUrl);
    return env;
  }
}
