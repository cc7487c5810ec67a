package io.tapeflow.changer.smc;

/**
 * CDB encoders for the SPC and SMC-3 commands tapeflow sends to a medium changer. Pure functions:
 * each returns a new CDB whose CONTROL byte is 0 (tgt rejects any other value).
 */
public final class SmcCommands {
  public static final int TEST_UNIT_READY = 0x00;
  public static final int REQUEST_SENSE = 0x03;
  public static final int INITIALIZE_ELEMENT_STATUS = 0x07;
  public static final int INQUIRY = 0x12;
  public static final int MODE_SENSE_6 = 0x1A;
  public static final int PREVENT_ALLOW_MEDIUM_REMOVAL = 0x1E;
  public static final int MODE_SENSE_10 = 0x5A;
  public static final int MOVE_MEDIUM = 0xA5;
  public static final int READ_ELEMENT_STATUS = 0xB8;

  /** Mode page 1Dh, Element Address Assignment. */
  public static final int ELEMENT_ADDRESS_ASSIGNMENT_PAGE = 0x1D;

  /** VPD page 80h, Unit Serial Number. */
  public static final int UNIT_SERIAL_NUMBER_PAGE = 0x80;

  private SmcCommands() {}

  /** TEST UNIT READY (00h). */
  public static byte[] testUnitReady() {
    return new byte[6];
  }

  /**
   * Standard INQUIRY (12h).
   *
   * @param allocationLength 5..255 (SCSI-2 devices read only byte 4); 96 is a safe choice
   */
  public static byte[] inquiry(int allocationLength) {
    requireRange("INQUIRY allocation length", allocationLength, 5, 0xFF);
    byte[] cdb = new byte[6];
    cdb[0] = (byte) INQUIRY;
    Bytes.put16(cdb, 3, allocationLength);
    return cdb;
  }

  /** INQUIRY (12h) for a vital product data page (EVPD=1). */
  public static byte[] inquiryVpd(int pageCode, int allocationLength) {
    requireRange("VPD page code", pageCode, 0, 0xFF);
    requireRange("INQUIRY allocation length", allocationLength, 4, 0xFF);
    byte[] cdb = inquiry(allocationLength);
    cdb[1] = 0x01;
    cdb[2] = (byte) pageCode;
    return cdb;
  }

  /** INQUIRY for VPD page 80h, the unit serial number. */
  public static byte[] unitSerialNumber(int allocationLength) {
    return inquiryVpd(UNIT_SERIAL_NUMBER_PAGE, allocationLength);
  }

  /**
   * MODE SENSE(6) (1Ah) of the current values of one page.
   *
   * @param dbd true to ask for no block descriptors (always, for a changer)
   * @param allocationLength 4..255
   */
  public static byte[] modeSense6(int pageCode, boolean dbd, int allocationLength) {
    requireRange("mode page code", pageCode, 0, 0x3F);
    requireRange("MODE SENSE(6) allocation length", allocationLength, 4, 0xFF);
    byte[] cdb = new byte[6];
    cdb[0] = (byte) MODE_SENSE_6;
    cdb[1] = (byte) (dbd ? 0x08 : 0);
    cdb[2] = (byte) pageCode;
    cdb[4] = (byte) allocationLength;
    return cdb;
  }

  /** MODE SENSE(10) (5Ah) of the current values of one page; allocation length 8..65535. */
  public static byte[] modeSense10(int pageCode, boolean dbd, int allocationLength) {
    requireRange("mode page code", pageCode, 0, 0x3F);
    requireRange("MODE SENSE(10) allocation length", allocationLength, 8, 0xFFFF);
    byte[] cdb = new byte[10];
    cdb[0] = (byte) MODE_SENSE_10;
    cdb[1] = (byte) (dbd ? 0x08 : 0);
    cdb[2] = (byte) pageCode;
    Bytes.put16(cdb, 7, allocationLength);
    return cdb;
  }

  /** READ ELEMENT STATUS (B8h), as described by the request. */
  public static byte[] readElementStatus(ElementStatusRequest request) {
    byte[] cdb = new byte[12];
    cdb[0] = (byte) READ_ELEMENT_STATUS;
    int typeCode = request.type() == null ? 0 : request.type().code();
    cdb[1] = (byte) ((request.volumeTags() ? 0x10 : 0) | typeCode);
    Bytes.put16(cdb, 2, request.startAddress());
    Bytes.put16(cdb, 4, request.count());
    cdb[6] = (byte) ((request.currentData() ? 0x02 : 0) | (request.deviceIds() ? 0x01 : 0));
    Bytes.put24(cdb, 7, request.allocationLength());
    return cdb;
  }

  /**
   * MOVE MEDIUM (A5h), INVERT 0.
   *
   * @param transport the medium transport element (0 lets the device choose)
   */
  public static byte[] moveMedium(int transport, int source, int destination) {
    requireRange("transport element address", transport, 0, 0xFFFF);
    requireRange("source element address", source, 0, 0xFFFF);
    requireRange("destination element address", destination, 0, 0xFFFF);
    byte[] cdb = new byte[12];
    cdb[0] = (byte) MOVE_MEDIUM;
    Bytes.put16(cdb, 2, transport);
    Bytes.put16(cdb, 4, source);
    Bytes.put16(cdb, 6, destination);
    return cdb;
  }

  /** INITIALIZE ELEMENT STATUS (07h): the library re-inventories every element. */
  public static byte[] initializeElementStatus() {
    byte[] cdb = new byte[6];
    cdb[0] = (byte) INITIALIZE_ELEMENT_STATUS;
    return cdb;
  }

  /**
   * REQUEST SENSE (03h).
   *
   * @param descriptorFormat true to ask for descriptor-format sense (DESC=1)
   * @param allocationLength 1..255; 252 is the usual choice
   */
  public static byte[] requestSense(boolean descriptorFormat, int allocationLength) {
    requireRange("REQUEST SENSE allocation length", allocationLength, 1, 0xFF);
    byte[] cdb = new byte[6];
    cdb[0] = (byte) REQUEST_SENSE;
    cdb[1] = (byte) (descriptorFormat ? 0x01 : 0);
    cdb[4] = (byte) allocationLength;
    return cdb;
  }

  /** PREVENT ALLOW MEDIUM REMOVAL (1Eh): PREVENT 01b when true, 00b (allow) when false. */
  public static byte[] preventAllowMediumRemoval(boolean prevent) {
    byte[] cdb = new byte[6];
    cdb[0] = (byte) PREVENT_ALLOW_MEDIUM_REMOVAL;
    cdb[4] = (byte) (prevent ? 0x01 : 0x00);
    return cdb;
  }

  static void requireRange(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
    }
  }
}
