package io.tapeflow.changer.discover;

/** How a drive element of the changer was tied to the target that carries that drive. */
public enum MatchedBy {
  /** The changer's device identifier (READ ELEMENT STATUS, DVCID) holds the drive's serial. */
  SERIAL,
  /** The target's name ends in the drive's position (AWS: {@code …-tapedrive-01} is the first). */
  TARGET_NAME,
  /** No target could be tied to the element. */
  NONE
}
