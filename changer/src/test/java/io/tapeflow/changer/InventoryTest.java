package io.tapeflow.changer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static final Element TRANSPORT = new Element(ElementType.TRANSPORT, 1, false, null, null);
  private static final Element DRIVE = new Element(ElementType.DRIVE, 10000, false, null, null);
  private static final Element SLOT_A = new Element(ElementType.STORAGE, 20000, true, "A1", null);
  private static final Element SLOT_B = new Element(ElementType.STORAGE, 20001, false, null, null);
  private static final Element IE =
      new Element(ElementType.IMPORT_EXPORT, 30000, false, null, null);

  @Test
  void elementsAlreadyInInventoryOrder_areKeptInThatOrder() {
    Inventory inv = new Inventory(List.of(TRANSPORT, DRIVE, SLOT_A, SLOT_B, IE));

    assertThat(inv.elements()).containsExactly(TRANSPORT, DRIVE, SLOT_A, SLOT_B, IE);
  }

  @Test
  void elementsInAnotherOrder_areSortedByTypeThenAddress() {
    Inventory inv = new Inventory(List.of(IE, SLOT_B, DRIVE, SLOT_A, TRANSPORT));

    assertThat(inv.elements()).containsExactly(TRANSPORT, DRIVE, SLOT_A, SLOT_B, IE);
  }

  @Test
  void aDriveAfterTheSlots_isMovedBeforeThem_thoughItsAddressIsLower() {
    Element lowDrive = new Element(ElementType.DRIVE, 0, false, null, null);
    Element slot = new Element(ElementType.STORAGE, 1, false, null, null);

    assertThat(new Inventory(List.of(slot, lowDrive)).elements()).containsExactly(lowDrive, slot);
  }

  @Test
  void theElements_areAnImmutableCopy_ofAMutableList() {
    List<Element> given = new ArrayList<>(List.of(TRANSPORT, DRIVE));
    Inventory inv = new Inventory(given);
    given.add(IE);

    assertThat(inv.elements()).containsExactly(TRANSPORT, DRIVE);
    assertThatThrownBy(() -> inv.elements().add(IE))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
