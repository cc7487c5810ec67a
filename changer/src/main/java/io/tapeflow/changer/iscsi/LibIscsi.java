package io.tapeflow.changer.iscsi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The part of libiscsi 1.19's C API (libiscsi.so.7) tapeflow uses. Not thread-safe per context:
 * callers serialise every call on one context.
 */
interface LibIscsi extends Library {

  /** The versioned name: the unversioned libiscsi.so exists only with the -dev package. */
  String LIBRARY = "libiscsi.so.7";

  int SESSION_NORMAL = 2;
  int HEADER_DIGEST_NONE = 0;
  int XFER_NONE = 0;
  int XFER_READ = 1;
  int XFER_WRITE = 2;
  int STATUS_CANCELLED = 0x0f000000;
  int STATUS_ERROR = 0x0f000001;
  int STATUS_TIMEOUT = 0x0f000002;
  int RESIDUAL_UNDERFLOW = 1;

  static LibIscsi load() {
    return Native.load(LIBRARY, LibIscsi.class);
  }

  Pointer iscsi_create_context(String initiatorName);

  int iscsi_destroy_context(Pointer iscsi);

  int iscsi_set_targetname(Pointer iscsi, String targetName);

  int iscsi_set_session_type(Pointer iscsi, int sessionType);

  int iscsi_set_header_digest(Pointer iscsi, int headerDigest);

  int iscsi_set_initiator_username_pwd(Pointer iscsi, String user, String password);

  int iscsi_set_timeout(Pointer iscsi, int seconds);

  void iscsi_set_noautoreconnect(Pointer iscsi, int state);

  int iscsi_set_isid_random(Pointer iscsi, int random, int qualifier);

  int iscsi_full_connect_sync(Pointer iscsi, String portal, int lun);

  int iscsi_logout_sync(Pointer iscsi);

  String iscsi_get_error(Pointer iscsi);

  Pointer scsi_create_task(int cdbSize, byte[] cdb, int xferDir, int expxferlen);

  int scsi_task_add_data_in_buffer(Pointer task, int len, Pointer buf);

  Pointer iscsi_scsi_command_sync(Pointer iscsi, int lun, Pointer task, Pointer data);

  int scsi_task_get_status(Pointer task, Pointer sense);

  void scsi_set_task_private_ptr(Pointer task, Pointer ptr);

  void scsi_free_scsi_task(Pointer task);
}
