package io.tapeflow.infra.emulator.library;

import java.util.List;

/**
 * The shape of a running library: element addresses and the iSCSI devices that reach it.
 *
 * @param transportAddress the robot's address
 * @param driveAddresses drive element addresses in address order; drive k is the k-th (0-based)
 * @param storageFirst first storage element address
 * @param storageCount number of storage elements
 * @param ieFirst first import/export element address
 * @param ieCount number of import/export elements
 * @param portalHost the iSCSI portal's address
 * @param portalPort the iSCSI portal's port
 * @param changerIqn the changer's target IQN
 * @param changerLun the changer's LUN in that target
 * @param driveIqns each drive's target IQN, in drive order
 * @param changerUri the {@code iscsi://host:port/iqn/lun} URI the changer module opens
 */
public record LibraryLayout(
    int transportAddress,
    List<Integer> driveAddresses,
    int storageFirst,
    int storageCount,
    int ieFirst,
    int ieCount,
    String portalHost,
    int portalPort,
    String changerIqn,
    int changerLun,
    List<String> driveIqns,
    String changerUri) {

  public LibraryLayout {
    driveAddresses = List.copyOf(driveAddresses);
    driveIqns = List.copyOf(driveIqns);
    if (driveIqns.size() != driveAddresses.size()) {
      throw new IllegalArgumentException(
          driveAddresses.size() + " drive addresses but " + driveIqns.size() + " drive IQNs");
    }
  }

  /** The drive index (0-based, address order) of a drive element address, or -1. */
  public int driveIndex(int address) {
    return driveAddresses.indexOf(address);
  }

  /** Whether an address is a storage element. */
  public boolean isStorage(int address) {
    return address >= storageFirst && address < storageFirst + storageCount;
  }

  /** Whether an address is an import/export element. */
  public boolean isImportExport(int address) {
    return address >= ieFirst && address < ieFirst + ieCount;
  }
}
