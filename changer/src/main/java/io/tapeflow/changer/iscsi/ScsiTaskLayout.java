package io.tapeflow.changer.iscsi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The offsets of {@code struct scsi_task} (libiscsi 1.19, x86_64) that {@link IscsiTransport} reads
 * directly, and the start-up check that the loaded library really has them.
 *
 * <p>Status and parsed sense come through {@code scsi_task_get_status} and data through a
 * caller-supplied buffer, so only the residual and the raw sense segment ({@code datain}) are read
 * by offset. The check builds a task with known arguments and reads them back through both the
 * offsets and libiscsi's own accessors; any difference means another ABI, and the transport refuses
 * to run.
 */
final class ScsiTaskLayout {
  static final int STATUS = 0;
  static final int CDB_SIZE = 4;
  static final int XFER_DIR = 8;
  static final int EXPXFERLEN = 12;
  static final int CDB = 16;
  static final int RESIDUAL_STATUS = 32;
  static final int RESIDUAL = 40;
  static final int SENSE = 48;
  static final int SENSE_SIZE = 16;
  static final int DATAIN_SIZE = 64;
  static final int DATAIN_DATA = 72;
  static final int PRIVATE_PTR = 88;

  /** In {@code struct scsi_sense}: the sense key and {@code ASC << 8 | ASCQ}. */
  static final int SENSE_KEY = 4;

  static final int SENSE_ASCQ = 8;

  private ScsiTaskLayout() {}

  /**
   * Checks the layout against the loaded library.
   *
   * @return the differences found, empty when the layout matches
   */
  static List<String> differences() {
    List<String> problems = new ArrayList<>();
    byte[] cdb = {(byte) 0xB8, 0x12, 0x4E, 0x20, 0x06, 0x40, 0x00, 0x01, 0x45, 0x50, 0x00, 0x00};
    int expxferlen = 0x14550;
    Pointer task = LibIscsi.scsi_create_task(cdb.length, cdb, LibIscsi.XFER_READ, expxferlen);
    if (task == null) {
      problems.add("scsi_create_task returned NULL");
      return problems;
    }
    try {
      expect(problems, "cdb_size", CDB_SIZE, task.getInt(CDB_SIZE), cdb.length);
      expect(problems, "xfer_dir", XFER_DIR, task.getInt(XFER_DIR), LibIscsi.XFER_READ);
      expect(problems, "expxferlen", EXPXFERLEN, task.getInt(EXPXFERLEN), expxferlen);
      if (!Arrays.equals(task.getByteArray(CDB, cdb.length), cdb)) {
        problems.add("cdb is not at offset " + CDB);
      }
      expect(problems, "datain.size", DATAIN_SIZE, task.getInt(DATAIN_SIZE), 0);
      if (task.getPointer(DATAIN_DATA) != null) {
        problems.add("datain.data at offset " + DATAIN_DATA + " is not NULL in a new task");
      }

      task.setInt(STATUS, 0x5A17);
      expect(problems, "status", STATUS, LibIscsi.scsi_task_get_status(task, null), 0x5A17);
      task.setInt(STATUS, 0);

      byte[] pattern = new byte[SENSE_SIZE];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = (byte) (0x31 + i);
      }
      task.write(SENSE, pattern, 0, pattern.length);
      Memory copied = new Memory(SENSE_SIZE);
      copied.clear();
      LibIscsi.scsi_task_get_status(task, copied);
      if (!Arrays.equals(copied.getByteArray(0, SENSE_SIZE), pattern)) {
        problems.add("struct scsi_sense is not " + SENSE_SIZE + " bytes at offset " + SENSE);
      }
      task.write(SENSE, new byte[SENSE_SIZE], 0, SENSE_SIZE);

      Memory marker = new Memory(1);
      LibIscsi.scsi_set_task_private_ptr(task, marker);
      if (!marker.equals(task.getPointer(PRIVATE_PTR))) {
        problems.add("ptr is not at offset " + PRIVATE_PTR + " (datain/mem sizes differ)");
      }
      LibIscsi.scsi_set_task_private_ptr(task, null);
    } finally {
      LibIscsi.scsi_free_scsi_task(task);
    }
    return problems;
  }

  private static void expect(List<String> problems, String field, int offset, int got, int want) {
    if (got != want) {
      problems.add(field + " at offset " + offset + " reads " + got + ", expected " + want);
    }
  }
}
