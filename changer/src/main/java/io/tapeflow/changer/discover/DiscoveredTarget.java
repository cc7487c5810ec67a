package io.tapeflow.changer.discover;

import java.util.List;
import java.util.Objects;

/**
 * One target a SendTargets discovery reported.
 *
 * @param iqn the target's name
 * @param portals where it listens, as reported ({@code address:port,tpgt})
 */
public record DiscoveredTarget(String iqn, List<String> portals) {
  public DiscoveredTarget {
    Objects.requireNonNull(iqn, "iqn");
    portals = List.copyOf(portals);
  }
}
