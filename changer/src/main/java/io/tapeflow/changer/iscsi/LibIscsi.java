package io.tapeflow.changer.iscsi;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.tapeflow.changer.scsi.ScsiTransportException;
import java.util.List;

/**
 * The part of libiscsi 1.19's C API (libiscsi.so.7) tapeflow uses, bound with JNA direct mapping
 * (much cheaper per call than interface mapping: an inventory makes a few dozen calls). Not
 * thread-safe per context: callers serialise every call on one context. {@link #register()} must
 * succeed before any method is called.
 */
final class LibIscsi {

  /** The versioned name: the unversioned libiscsi.so exists only with the -dev package. */
  static final String LIBRARY = "libiscsi.so.7";

  static final int SESSION_NORMAL = 2;
  static final int HEADER_DIGEST_NONE = 0;
  static final int XFER_NONE = 0;
  static final int XFER_READ = 1;
  static final int XFER_WRITE = 2;
  static final int STATUS_CANCELLED = 0x0f000000;
  static final int STATUS_ERROR = 0x0f000001;
  static final int STATUS_TIMEOUT = 0x0f000002;
  static final int RESIDUAL_UNDERFLOW = 1;

  private static boolean registered;
  private static boolean checked;

  private LibIscsi() {}

  /**
   * Binds the native methods to libiscsi.so.7, once.
   *
   * @throws UnsatisfiedLinkError when the library or a symbol is missing
   */
  static synchronized void register() {
    if (!registered) {
      Native.register(LibIscsi.class, NativeLibrary.getInstance(LIBRARY));
      registered = true;
    }
  }

  /**
   * Loads the library once and checks its ABI ({@link ScsiTaskLayout}) before anything uses it.
   *
   * @throws ScsiTransportException (not retryable) when it is missing or has another layout
   */
  static synchronized void ensureLoaded() {
    if (checked) {
      return;
    }
    try {
      register();
    } catch (UnsatisfiedLinkError e) {
      throw new ScsiTransportException(
          LIBRARY
              + " cannot be loaded ("
              + e.getMessage()
              + "); install libiscsi 1.19 (Debian package libiscsi7)",
          false,
          e);
    }
    List<String> problems = ScsiTaskLayout.differences();
    if (!problems.isEmpty()) {
      throw new ScsiTransportException(
          LIBRARY
              + " does not have libiscsi 1.19's struct scsi_task layout ("
              + String.join("; ", problems)
              + "); tapeflow refuses to use it",
          false);
    }
    checked = true;
  }

  static native Pointer iscsi_create_context(String initiatorName);

  static native int iscsi_destroy_context(Pointer iscsi);

  static native int iscsi_set_targetname(Pointer iscsi, String targetName);

  static native int iscsi_set_session_type(Pointer iscsi, int sessionType);

  static native int iscsi_set_header_digest(Pointer iscsi, int headerDigest);

  static native int iscsi_set_initiator_username_pwd(Pointer iscsi, String user, String password);

  static native int iscsi_set_timeout(Pointer iscsi, int seconds);

  static native void iscsi_set_noautoreconnect(Pointer iscsi, int state);

  static native int iscsi_set_isid_random(Pointer iscsi, int random, int qualifier);

  static native int iscsi_full_connect_sync(Pointer iscsi, String portal, int lun);

  static native int iscsi_logout_sync(Pointer iscsi);

  static native String iscsi_get_error(Pointer iscsi);

  static native Pointer scsi_create_task(int cdbSize, byte[] cdb, int xferDir, int expxferlen);

  static native int scsi_task_add_data_in_buffer(Pointer task, int len, Pointer buf);

  static native Pointer iscsi_scsi_command_sync(Pointer iscsi, int lun, Pointer task, Pointer data);

  static native int scsi_task_get_status(Pointer task, Pointer sense);

  static native void scsi_set_task_private_ptr(Pointer task, Pointer ptr);

  static native void scsi_free_scsi_task(Pointer task);
}
