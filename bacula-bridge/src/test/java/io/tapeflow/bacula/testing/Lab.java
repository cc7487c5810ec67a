package io.tapeflow.bacula.testing;

import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.StorageName;

/** The names used in the captured lab. */
public final class Lab {
  public static final StorageName STORAGE = StorageName.of("LabChanger");
  public static final PoolName POOL = PoolName.of("Lab");

  private Lab() {}
}
