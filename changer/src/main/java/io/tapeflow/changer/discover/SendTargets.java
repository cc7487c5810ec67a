package io.tapeflow.changer.discover;

import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * iSCSI SendTargets discovery through libiscsi: a discovery session to one portal, the list of
 * targets it offers, logout.
 */
public final class SendTargets {
  /** More entries than any library has: a longer list means a corrupt or hostile answer. */
  static final int MAX_ENTRIES = 4096;

  private SendTargets() {}

  /**
   * Asks {@code portal} for its targets.
   *
   * @param initiatorName this host's initiator name
   * @param chapUser CHAP user for the discovery session, or null
   * @param chapSecret its secret, or null
   * @throws DiscoveryException when libiscsi is missing, the portal cannot be reached or refuses
   *     the login
   */
  public static List<DiscoveredTarget> query(
      Portal portal, String initiatorName, String chapUser, String chapSecret, Duration timeout) {
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(initiatorName, "initiatorName");
    try {
      DiscoveryNative.register();
    } catch (UnsatisfiedLinkError e) {
      throw new DiscoveryException(
          DiscoveryNative.LIBRARY
              + " cannot be loaded ("
              + e.getMessage()
              + "); install libiscsi 1.19 (Debian package libiscsi7)",
          false,
          e);
    }
    Pointer ctx = DiscoveryNative.iscsi_create_context(initiatorName);
    if (ctx == null) {
      throw new DiscoveryException("libiscsi could not create a context", true);
    }
    try {
      DiscoveryNative.iscsi_set_session_type(ctx, DiscoveryNative.SESSION_DISCOVERY);
      DiscoveryNative.iscsi_set_header_digest(ctx, DiscoveryNative.HEADER_DIGEST_NONE);
      DiscoveryNative.iscsi_set_timeout(ctx, (int) Math.max(1, timeout.toSeconds()));
      if (chapUser != null
          && DiscoveryNative.iscsi_set_initiator_username_pwd(ctx, chapUser, chapSecret) != 0) {
        throw new DiscoveryException("libiscsi refused the CHAP credentials", false);
      }
      if (DiscoveryNative.iscsi_connect_sync(ctx, portal.toString()) != 0) {
        throw new DiscoveryException(
            "cannot connect to the iSCSI portal "
                + portal
                + " ("
                + DiscoveryNative.iscsi_get_error(ctx)
                + "); is the address right and its port reachable from here?",
            true);
      }
      if (DiscoveryNative.iscsi_login_sync(ctx) != 0) {
        throw new DiscoveryException(
            "the iSCSI portal "
                + portal
                + " refused the discovery login ("
                + DiscoveryNative.iscsi_get_error(ctx)
                + "); check the CHAP user and secret",
            false);
      }
      Pointer list = DiscoveryNative.iscsi_discovery_sync(ctx);
      if (list == null) {
        String error = DiscoveryNative.iscsi_get_error(ctx);
        if (error != null && !error.isBlank()) {
          throw new DiscoveryException(
              "SendTargets discovery at " + portal + " failed (" + error + ")", true);
        }
        return List.of();
      }
      try {
        return read(list);
      } finally {
        DiscoveryNative.iscsi_free_discovery_data(ctx, list);
        DiscoveryNative.iscsi_logout_sync(ctx);
      }
    } finally {
      DiscoveryNative.iscsi_destroy_context(ctx);
    }
  }

  private static List<DiscoveredTarget> read(Pointer first) {
    List<DiscoveredTarget> out = new ArrayList<>();
    for (Pointer a = first; a != null; a = a.getPointer(DiscoveryNative.ADDRESS_NEXT)) {
      if (out.size() >= MAX_ENTRIES) {
        throw new DiscoveryException(
            "the SendTargets answer lists more than " + MAX_ENTRIES + " targets", false);
      }
      Pointer name = a.getPointer(DiscoveryNative.ADDRESS_TARGET_NAME);
      List<String> portals = new ArrayList<>();
      for (Pointer p = a.getPointer(DiscoveryNative.ADDRESS_PORTALS);
          p != null && portals.size() < MAX_ENTRIES;
          p = p.getPointer(DiscoveryNative.PORTAL_NEXT)) {
        Pointer text = p.getPointer(DiscoveryNative.PORTAL_ADDRESS);
        if (text != null) {
          portals.add(text.getString(0, "US-ASCII"));
        }
      }
      if (name != null) {
        out.add(new DiscoveredTarget(name.getString(0, "US-ASCII"), portals));
      }
    }
    return out;
  }
}
