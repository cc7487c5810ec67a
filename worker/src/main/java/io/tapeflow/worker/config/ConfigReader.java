package io.tapeflow.worker.config;

import io.tapeflow.changer.ChangerLock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tapeflow's one YAML file into a {@link TapeflowConfig}, validating everything before
 * anything starts. Every error found is reported, each on one line with the key path and the line;
 * unknown keys are errors with the nearest known key suggested. Relative paths are taken from the
 * file's folder. Secrets are read from files or environment variables the file names.
 */
public final class ConfigReader {
  /** The file used when neither {@code --config} nor {@code $TAPEFLOW_CONFIG} names one. */
  public static final Path DEFAULT_FILE = Path.of("/etc/tapeflow/tapeflow.yaml");

  /** The environment variable naming the file. */
  public static final String ENVIRONMENT_VARIABLE = "TAPEFLOW_CONFIG";

  static final Path DEFAULT_STATE = Path.of("/var/lib/tapeflow");
  static final Path DEFAULT_SPOOL = Path.of("/var/spool/tapeflow/events");
  static final String DEFAULT_METRICS = "127.0.0.1:9464";

  private ConfigReader() {}

  /** Which file to read: {@code --config}, else {@code $TAPEFLOW_CONFIG}, else the default. */
  public static Path locate(Optional<Path> option, Map<String, String> env) {
    if (option.isPresent()) {
      return option.get();
    }
    String v = env.get(ENVIRONMENT_VARIABLE);
    return v == null || v.isBlank() ? DEFAULT_FILE : Path.of(v);
  }

  /**
   * Reads and validates the file.
   *
   * @param env the environment, for {@code temporal.apiKeyEnv}
   * @throws ConfigException with every error found
   */
  public static TapeflowConfig read(Path file, Map<String, String> env) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileError(
          file, "no such file (give --config FILE or set " + ENVIRONMENT_VARIABLE + ")");
    } catch (MalformedInputException e) {
      throw fileError(file, "not UTF-8 text");
    } catch (IOException e) {
      throw fileError(file, "cannot be read: " + e.getMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file, base == null ? Path.of("/") : base, env);
  }

  private static ConfigException fileError(Path file, String why) {
    return new ConfigException(List.of(new ConfigError(file.toString(), 0, "", why)));
  }

  /**
   * Validates YAML text as if read from {@code file}; relative paths resolve against {@code base}.
   */
  static TapeflowConfig parse(String text, Path file, Path base, Map<String, String> env) {
    Problems problems = new Problems(ConfigSource.displayName(file));
    Optional<YamlNode> root = YamlReader.read(text, problems);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    Optional<Section> top = Section.of(root.orElseThrow(), "", problems);
    problems.throwIfAny();
    Section s = top.orElseThrow();
    Optional<TemporalConfig> temporal =
        TemporalSection.read(s.section("temporal", false), base, env);
    Path state = s.value("state", false, "", v -> Values.path(base, v)).orElse(DEFAULT_STATE);
    Path locks =
        s.value("locks", false, "", v -> Values.path(base, v))
            .orElse(ChangerLock.DEFAULT_DIRECTORY);
    Path spool = s.value("spool", false, "", v -> Values.path(base, v)).orElse(DEFAULT_SPOOL);
    Map<String, Integer> gatewayNames = new LinkedHashMap<>();
    List<GatewayConfig> gateways =
        LibrarySection.gateways(s.list("gateways", true), problems, base, gatewayNames);
    Optional<BaculaConfig> bacula =
        s.section("bacula", true).flatMap(b -> BaculaSection.bacula(b, base));
    List<PoolConfig> pools =
        LibrarySection.pools(s.list("pools", true), problems, List.copyOf(gatewayNames.keySet()));
    Optional<ManifestsConfig> manifests =
        s.section("manifests", true).flatMap(BaculaSection::manifests);
    InetSocketAddress metrics = metrics(s.section("metrics", false));
    s.finish();
    problems.throwIfAny();
    return new TapeflowConfig(
        new ConfigSource(file, problems.lines()),
        temporal.orElseThrow(),
        state,
        locks,
        spool,
        gateways,
        bacula.orElseThrow(),
        pools,
        manifests.orElseThrow(),
        metrics);
  }

  private static InetSocketAddress metrics(Optional<Section> section) {
    Optional<InetSocketAddress> a =
        section.flatMap(m -> m.value("address", false, "", Values::socketAddress));
    section.ifPresent(Section::finish);
    return a.orElseGet(() -> Values.socketAddress(DEFAULT_METRICS));
  }
}
