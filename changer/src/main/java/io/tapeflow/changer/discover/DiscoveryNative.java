package io.tapeflow.changer.discover;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The part of libiscsi 1.19's C API (libiscsi.so.7) that SendTargets discovery needs, bound with
 * JNA direct mapping. The discovery list it returns is two singly linked lists of plain structs,
 * read here by offset (x86_64 and every LP64 ABI: a pointer is 8 bytes):
 *
 * <pre>
 * struct iscsi_discovery_address { struct iscsi_discovery_address *next;   // 0
 *                                  const char *target_name;                // 8
 *                                  struct iscsi_target_portal *portals; }  // 16
 * struct iscsi_target_portal     { struct iscsi_target_portal *next;       // 0
 *                                  const char *portal; }                   // 8
 * </pre>
 */
final class DiscoveryNative {
  static final String LIBRARY = "libiscsi.so.7";
  static final int SESSION_DISCOVERY = 1;
  static final int HEADER_DIGEST_NONE = 0;

  static final int ADDRESS_NEXT = 0;
  static final int ADDRESS_TARGET_NAME = 8;
  static final int ADDRESS_PORTALS = 16;
  static final int PORTAL_NEXT = 0;
  static final int PORTAL_ADDRESS = 8;

  private static boolean registered;

  private DiscoveryNative() {}

  /**
   * Binds the native methods once.
   *
   * @throws UnsatisfiedLinkError when the library or a symbol is missing
   */
  static synchronized void register() {
    if (!registered) {
      if (Native.POINTER_SIZE != 8) {
        throw new UnsatisfiedLinkError("tapeflow reads libiscsi's discovery list on 64-bit only");
      }
      Native.register(DiscoveryNative.class, NativeLibrary.getInstance(LIBRARY));
      registered = true;
    }
  }

  static native Pointer iscsi_create_context(String initiatorName);

  static native int iscsi_destroy_context(Pointer iscsi);

  static native int iscsi_set_session_type(Pointer iscsi, int sessionType);

  static native int iscsi_set_header_digest(Pointer iscsi, int headerDigest);

  static native int iscsi_set_initiator_username_pwd(Pointer iscsi, String user, String password);

  static native int iscsi_set_timeout(Pointer iscsi, int seconds);

  static native int iscsi_connect_sync(Pointer iscsi, String portal);

  static native int iscsi_login_sync(Pointer iscsi);

  static native Pointer iscsi_discovery_sync(Pointer iscsi);

  static native void iscsi_free_discovery_data(Pointer iscsi, Pointer addresses);

  static native int iscsi_logout_sync(Pointer iscsi);

  static native String iscsi_get_error(Pointer iscsi);
}
