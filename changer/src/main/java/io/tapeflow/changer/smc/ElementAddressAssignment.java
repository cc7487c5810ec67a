package io.tapeflow.changer.smc;

import io.tapeflow.changer.ElementType;

/**
 * Mode page 1Dh: the first address and the number of elements of each type. A hint for sizing and
 * starting READ ELEMENT STATUS requests; the element status itself is authoritative.
 */
public record ElementAddressAssignment(
    int firstTransport,
    int transportCount,
    int firstStorage,
    int storageCount,
    int firstImportExport,
    int importExportCount,
    int firstDrive,
    int driveCount) {

  /** The first address of a type. */
  public int first(ElementType type) {
    return switch (type) {
      case TRANSPORT -> firstTransport;
      case STORAGE -> firstStorage;
      case IMPORT_EXPORT -> firstImportExport;
      case DRIVE -> firstDrive;
    };
  }

  /** The number of elements of a type. */
  public int count(ElementType type) {
    return switch (type) {
      case TRANSPORT -> transportCount;
      case STORAGE -> storageCount;
      case IMPORT_EXPORT -> importExportCount;
      case DRIVE -> driveCount;
    };
  }

  /** Elements of every type. */
  public int total() {
    return transportCount + storageCount + importExportCount + driveCount;
  }
}
