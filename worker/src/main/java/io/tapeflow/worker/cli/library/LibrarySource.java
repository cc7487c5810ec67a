package io.tapeflow.worker.cli.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapeflow.bacula.config.MediaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The library facts {@code bacula-config} needs, read from {@code tapeflow discover --json}'s
 * output: the changer URI, each drive's device node in Drive Index order, and the Media Type from
 * the drives' INQUIRY product.
 *
 * @param changerUri the Changer Device
 * @param archiveDevices one device per drive, in element order
 * @param mediaType from the first drive's product
 */
record LibrarySource(String changerUri, List<String> archiveDevices, String mediaType) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which stable name a drive's Archive Device is. */
  enum Names {
    BY_ID,
    BY_PATH
  }

  /**
   * Reads discover's JSON.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  static LibrarySource fromDiscoveryJson(String json, Names names) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not the JSON of 'tapeflow discover --json': " + e.getOriginalMessage());
    }
    String uri = root.path("changer").path("uri").asText("");
    if (uri.isEmpty()) {
      throw new IllegalArgumentException("the discovery has no changer.uri");
    }
    List<String> devices = new ArrayList<>();
    String product = null;
    for (JsonNode d : root.path("drives")) {
      String byId = d.path("byId").asText("");
      String byPath = d.path("byPath").asText("");
      String device = names == Names.BY_ID && !byId.isEmpty() ? byId : byPath;
      if (device.isEmpty()) {
        throw new IllegalArgumentException(
            "drive element "
                + d.path("elementAddress").asText("?")
                + " has no target in the discovery; give --changer and every --drive-device");
      }
      devices.add(device);
      if (product == null && !d.path("product").asText("").isEmpty()) {
        product = d.path("product").asText();
      }
    }
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("the discovery lists no drives");
    }
    if (product == null) {
      throw new IllegalArgumentException("the discovery has no drive product; give --media-type");
    }
    return new LibrarySource(uri, devices, MediaTypes.fromProduct(product));
  }
}
