package io.tapeflow.changer.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tapeflow.changer.ChangerUri;
import io.tapeflow.changer.Element;
import io.tapeflow.changer.ElementType;
import io.tapeflow.changer.Inventory;
import io.tapeflow.changer.SmcMediumChanger;
import io.tapeflow.changer.testing.NativeHelpers;
import io.tapeflow.changer.testing.VtlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory of a library of the AWS gateway's size, over libiscsi, against what was built. */
class AwsLibraryInventoryIT {
  private static final Map<String, Integer> TAPES = new LinkedHashMap<>();
  private static VtlFixture vtl;

  @TempDir static Path locks;

  @BeforeAll
  static void up() {
    // Labelled cartridges spread over both slot ranges, first and last addresses included.
    for (int k = 0; k < 100; k++) {
      TAPES.put(String.format("AWS%04X%s", k, "S"), 20000 + (k * 16) % 1600);
    }
    TAPES.put("AWSLASTS", 21599);
    for (int k = 0; k < 40; k++) {
      TAPES.put(String.format("AWS%04X%s", k, "E"), 30000 + k * 39);
    }
    TAPES.put("AWSLASTE", 31599);
    VtlFixture.Builder b = VtlFixture.builder(); // defaults: 10 drives, 1600 storage, 1600 I/E
    TAPES.forEach(b::tape);
    vtl = b.start();
  }

  @AfterAll
  static void down() {
    if (vtl != null) {
      vtl.close();
    }
  }

  private SmcMediumChanger open(IscsiTransport t) {
    return SmcMediumChanger.open(
        t, ChangerUri.parse(vtl.changerUri()), locks, SmcMediumChanger.Options.defaults());
  }

  @Test
  void inventory_ofTheAwsSizedLibrary_matchesWhatWasConfigured() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
        SmcMediumChanger changer = open(t)) {
      Inventory inv = changer.inventory();

      assertThat(inv.elements()).hasSize(3211);
      assertThat(addresses(inv, ElementType.TRANSPORT)).containsExactly(1);
      assertThat(addresses(inv, ElementType.DRIVE))
          .containsExactlyElementsOf(range(10000, 10))
          .isEqualTo(vtl.driveAddresses());
      assertThat(addresses(inv, ElementType.STORAGE)).containsExactlyElementsOf(range(20000, 1600));
      assertThat(addresses(inv, ElementType.IMPORT_EXPORT))
          .containsExactlyElementsOf(range(30000, 1600));

      Map<String, Integer> full =
          inv.elements().stream()
              .filter(Element::full)
              .collect(Collectors.toMap(Element::barcode, Element::address));
      assertThat(full).isEqualTo(TAPES);
      assertThat(inv.ofType(ElementType.DRIVE)).noneMatch(Element::full);
      assertThat(inv.locate("AWSLASTS")).map(Element::type).contains(ElementType.STORAGE);
      assertThat(inv.locate("AWSLASTE")).map(Element::type).contains(ElementType.IMPORT_EXPORT);
    }
  }

  @Test
  void inventory_readsWhatTheCBaselineReads_elementForElement() throws Exception {
    List<String> c = cInventory();
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
        SmcMediumChanger changer = open(t)) {
      List<String> java =
          changer.inventory().elements().stream()
              .map(
                  e ->
                      e.type()
                          + " "
                          + e.address()
                          + " "
                          + (e.full() ? "full" : "empty")
                          + " "
                          + (e.barcode() == null ? "-" : e.barcode()))
              .toList();
      assertThat(java).containsExactlyElementsOf(c);
    }
  }

  @Test
  void inventory_afterTheFirst_isFourRoundTrips() {
    try (IscsiTransport t = IscsiTransport.open(vtl.changerEndpoint());
        SmcMediumChanger changer = open(t)) {
      changer.inventory();
      for (int i = 0; i < 3; i++) {
        long before = t.commandsSent();
        assertThat(changer.inventory().elements()).hasSize(3211);
        assertThat(t.commandsSent() - before).isEqualTo(4);
      }
    }
  }

  private static List<Integer> addresses(Inventory inv, ElementType type) {
    return inv.ofType(type).stream().map(Element::address).toList();
  }

  private static List<Integer> range(int first, int count) {
    return IntStream.range(first, first + count).boxed().toList();
  }

  /** "TYPE ADDRESS full|empty BARCODE" per element, from infra/native's C libiscsi reader. */
  private static List<String> cInventory() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                NativeHelpers.helper("iscsi-inventory").toString(),
                "--portal",
                vtl.portal(),
                "--target",
                vtl.changerIqn(),
                "--lun",
                Integer.toString(vtl.changerLun()),
                "--print")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n", -1)) {
      String[] f = line.split(" ", -1);
      if (f.length >= 4) {
        lines.add(f[0] + " " + f[1] + " " + f[2] + " " + f[3]);
      }
    }
    return lines;
  }
}
