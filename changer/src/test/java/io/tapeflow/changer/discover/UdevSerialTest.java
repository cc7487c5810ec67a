package io.tapeflow.changer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdevSerialTest {
  private static final byte[] INQUIRY = inquiry("IBM", "ULT3580-TD5");
  private static final byte[] PAGE80 = page80("SGW1230001");

  static byte[] inquiry(String vendor, String product) {
    byte[] b = new byte[36];
    b[0] = 0x01;
    b[4] = 31;
    put(b, 8, String.format("%-8s%-16s0106", vendor, product));
    return b;
  }

  static byte[] page80(String serial) {
    byte[] b = new byte[4 + serial.length()];
    b[1] = (byte) 0x80;
    b[3] = (byte) serial.length();
    put(b, 4, serial);
    return b;
  }

  /** A page 83h of designators, each given as (code set, type, identifier bytes). */
  static byte[] page83(Object... designators) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < designators.length; i += 3) {
      byte[] id = (byte[]) designators[i + 2];
      body.write((Integer) designators[i]);
      body.write((Integer) designators[i + 1]);
      body.write(0);
      body.write(id.length);
      body.writeBytes(id);
    }
    byte[] b = body.toByteArray();
    byte[] page = new byte[4 + b.length];
    page[1] = (byte) 0x83;
    page[2] = (byte) (b.length >> 8);
    page[3] = (byte) b.length;
    System.arraycopy(b, 0, page, 4, b.length);
    return page;
  }

  private static void put(byte[] b, int off, String s) {
    byte[] a = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(a, 0, b, off, a.length);
  }

  private static byte[] naa6() {
    byte[] id = new byte[16];
    id[0] = 0x60;
    id[8] = 0x0e;
    id[13] = 0x02;
    id[15] = 0x01;
    return id;
  }

  @Test
  void idSerial_tgtDrive_isTheNaaDesignatorInHexAfterTypeDigit3() {
    byte[] p83 =
        page83(2, 1, "IBM     ULT3580-TD5".getBytes(StandardCharsets.US_ASCII), 1, 3, naa6());
    assertThat(UdevSerial.idSerial(INQUIRY, p83, PAGE80))
        .contains("360000000000000000e00000000020001");
  }

  @Test
  void idSerial_onlyAT10VendorId_isType1WithSpacesCollapsed() {
    byte[] p83 = page83(2, 1, "AWS     Gateway  VTL  X1".getBytes(StandardCharsets.US_ASCII));
    assertThat(UdevSerial.idSerial(INQUIRY, p83, PAGE80)).contains("1AWS_Gateway_VTL_X1");
  }

  @Test
  void idSerial_vendorSpecific_prependsVendorAndProduct() {
    byte[] p83 = page83(1, 0, new byte[] {(byte) 0xAB, 0x01});
    assertThat(UdevSerial.idSerial(INQUIRY, p83, PAGE80)).contains("0IBM_ULT3580-TD5_ab01");
  }

  @Test
  void idSerial_onlyADesignatorOfTheTargetPort_fallsBackToPage80() {
    byte[] p83 = page83(1, 0x13, naa6());
    assertThat(UdevSerial.idSerial(INQUIRY, p83, PAGE80)).contains("SIBM_ULT3580-TD5_SGW1230001");
    assertThat(UdevSerial.idSerial(INQUIRY, p83, null)).isEmpty();
  }

  @Test
  void idSerial_withoutPage83_isSPlusVendorProductAndUnitSerial() {
    assertThat(UdevSerial.idSerial(INQUIRY, null, PAGE80)).contains("SIBM_ULT3580-TD5_SGW1230001");
  }

  @Test
  void idScsiSerial_isThePage80SerialButOnlyWhenPage83Exists() {
    assertThat(UdevSerial.idScsiSerial(page83(1, 3, naa6()), PAGE80)).contains("SGW1230001");
    assertThat(UdevSerial.idScsiSerial(null, PAGE80)).isEmpty();
  }

  @Test
  void escape_replacesCharactersUdevDoesNotAllow() {
    assertThat(UdevSerial.escape("  A/B  c*d ")).isEqualTo("A_B_c_d");
  }
}
