package io.tapeflow.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tapeflow.changer.ChangerUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ConfigReaderTest {
  /** A valid file; line numbers below refer to it. */
  public static final String VALID =
      """
      temporal:
        mode: dev-server
        devServer:
          port: 7233
      state: /var/lib/tapeflow
      gateways:
        - name: gw1
          arn: arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B
          region: us-east-1
          endpoint: http://127.0.0.1:8080
          changer: iscsi://127.0.0.1:3260/iqn.2025-01.io.tapeflow:vtl/1
          drives: [/dev/nst0, /dev/nst1]
      bacula:
        director: dir1
        storage: VTL
      pools:
        - name: Full
          gateway: gw1
          shelf: GLACIER
          barcodePrefix: TF
          tapeSize: 100GiB
      manifests:
        bucket: tapeflow-manifests
      """;

  @TempDir Path dir;

  TapeflowConfig parse(String yaml) {
    return parse(yaml, Map.of());
  }

  TapeflowConfig parse(String yaml, Map<String, String> env) {
    return ConfigReader.parse(yaml, Path.of("/etc/tapeflow/tapeflow.yaml"), dir, env);
  }

  List<String> errors(String yaml) {
    return errors(yaml, Map.of());
  }

  List<String> errors(String yaml, Map<String, String> env) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml, env));
    assertThat(e).as("the config is refused").isNotNull();
    return e.errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void validFile_becomesRecords_withDefaultsForWhatIsNotWritten() {
    TapeflowConfig c = parse(VALID);
    assertThat(c.temporal().mode()).isEqualTo(TemporalMode.DEV_SERVER);
    assertThat(c.temporal().namespace()).isEqualTo("default");
    assertThat(c.temporal().devServer().uiPort()).isEqualTo(8233);
    assertThat(c.gateways())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.arn().account()).isEqualTo("111122223333");
              assertThat(g.changer().kind()).isEqualTo(ChangerUri.Kind.ISCSI);
              assertThat(g.drives()).containsExactly(Path.of("/dev/nst0"), Path.of("/dev/nst1"));
              assertThat(g.endpoint())
                  .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(8080));
            });
    assertThat(c.pools().get(0).tapeSizeBytes()).isEqualTo(100L << 30);
    assertThat(c.bacula().bconsole().config()).isEqualTo(Path.of("/etc/bacula/bconsole.conf"));
    assertThat(c.metrics().getPort()).isEqualTo(9464);
    assertThat(c.source().lines()).containsEntry("gateways[0].changer", 11);
  }

  @Test
  void malformedArn_isOneLineWithFileLineAndKeyPath() {
    assertThat(
            errors(
                VALID.replace(
                    "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B", "sgw-1")))
        .containsExactly(
            "tapeflow.yaml:8: gateways[0].arn: 'sgw-1' is not a gateway ARN"
                + " (arn:aws:storagegateway:REGION:ACCOUNT:gateway/sgw-XXXXXXXX)");
  }

  @Test
  void missingKey_namesThePathAndWhatToWrite() {
    assertThat(errors(VALID.replace("  storage: VTL\n", "")))
        .containsExactly(
            "tapeflow.yaml:14: bacula.storage: missing: expected the Storage resource of the"
                + " gateway's library");
  }

  @Test
  void poolOnAnUnconfiguredGateway_isRefusedWithTheNearestName() {
    assertThat(errors(VALID.replace("gateway: gw1", "gateway: gw2")))
        .containsExactly(
            "tapeflow.yaml:18: pools[0].gateway: 'gw2' is not a configured gateway (did you mean"
                + " 'gw1'?)");
  }

  @Test
  void misspeltKey_isAnError_suggestingTheKnownKey() {
    assertThat(errors(VALID.replace("barcodePrefix", "barcodPrefix")))
        .containsExactly(
            "tapeflow.yaml:17: pools[0].barcodePrefix: missing: expected 1 to 4 letters A-Z",
            "tapeflow.yaml:20: pools[0].barcodPrefix: unknown key (did you mean 'barcodePrefix'?)");
    assertThat(errors(VALID.replace("state:", "stat:")))
        .containsExactly("tapeflow.yaml:5: stat: unknown key (did you mean 'state'?)");
  }

  @Test
  void yamlSyntaxError_isOneLineWithTheLineAndTheKeyReached() {
    List<String> e = errors(VALID.replace("  storage: VTL", "  storage: [VTL"));
    assertThat(e).hasSize(1);
    assertThat(e.get(0))
        .startsWith("tapeflow.yaml:")
        .contains("YAML syntax error")
        .doesNotContain("\n");
    assertThat(errors("temporal:\n  mode: dev-server\n bad: x\n"))
        .singleElement()
        .asString()
        .startsWith("tapeflow.yaml:3: temporal")
        .contains("YAML syntax error");
  }

  @Test
  void everyErrorIsReported_notOnlyTheFirst() {
    String bad =
        VALID
            .replace("region: us-east-1", "region: eu-west-1")
            .replace("tapeSize: 100GiB", "tapeSize: 10GiB")
            .replace("mode: dev-server", "mode: devserver")
            .replace("  bucket: tapeflow-manifests", "  bucket: Tapeflow_Manifests");
    assertThat(errors(bad))
        .containsExactly(
            "tapeflow.yaml:2: temporal.mode: 'devserver' is not a mode: use dev-server, cluster,"
                + " embedded",
            "tapeflow.yaml:9: gateways[0].region: 'eu-west-1' is not the region of the ARN"
                + " ('us-east-1')",
            "tapeflow.yaml:21: pools[0].tapeSize: tape size 10737418240 bytes is invalid: a tape is"
                + " 100 GiB to 15 TiB, a whole number of GiB",
            "tapeflow.yaml:23: manifests.bucket: 'Tapeflow_Manifests' is not an S3 bucket name"
                + " (3-63 of a-z 0-9 . -)");
  }

  @Test
  void keyWrittenTwice_isAnError() {
    assertThat(errors(VALID.replace("  storage: VTL\n", "  storage: VTL\n  storage: VTL2\n")))
        .containsExactly(
            "tapeflow.yaml:16: bacula.storage: written twice (first on line 15); keep one");
  }

  @Test
  void chapSecretInTheYaml_isRefused_andNeverRepeated() {
    List<String> e =
        errors(VALID.replace("iscsi://127.0.0.1", "iscsi://tapeflow%hunter2@127.0.0.1"));
    assertThat(e)
        .singleElement()
        .asString()
        .startsWith("tapeflow.yaml:11: gateways[0].changer: the CHAP secret must not be written")
        .doesNotContain("hunter2");
  }

  @Test
  void chapSecret_comesFromItsFile() throws IOException {
    Files.writeString(dir.resolve("gw1.chap"), "hunter2\n");
    TapeflowConfig c =
        parse(
            VALID
                .replace("iscsi://127.0.0.1", "iscsi://tapeflow@127.0.0.1")
                .replace("    drives:", "    chapSecretFile: gw1.chap\n    drives:"));
    assertThat(c.gateways().get(0).changer().password()).hasValue("hunter2");
    assertThat(c.gateways().get(0).changer().toString()).doesNotContain("hunter2");
  }

  @Test
  void clusterMode_needsAnAddress_andTakesTheApiKeyFromTheEnvironment() {
    String cluster =
        VALID.replace("  mode: dev-server\n  devServer:\n    port: 7233\n", "  mode: cluster\n");
    assertThat(errors(cluster))
        .containsExactly(
            "tapeflow.yaml:2: temporal.address: missing: expected host:port of the cluster's frontend");
    String withKey =
        cluster.replace(
            "  mode: cluster\n",
            "  mode: cluster\n  address: t.example.net:7233\n  apiKeyEnv: TF_KEY\n");
    assertThat(errors(withKey))
        .containsExactly(
            "tapeflow.yaml:4: temporal.apiKeyEnv: the environment variable TF_KEY is not set or empty");
    TapeflowConfig c = parse(withKey, Map.of("TF_KEY", "s3cr3t-key"));
    assertThat(c.temporal().apiKey())
        .hasValueSatisfying(k -> assertThat(k.read()).isEqualTo("s3cr3t-key"));
    assertThat(String.join("\n", ConfigSummary.lines(c, Optional.empty())))
        .contains("API key from environment variable TF_KEY")
        .doesNotContain("s3cr3t-key");
  }

  @Test
  void clusterKeys_inDevServerMode_areErrors() {
    assertThat(
            errors(
                VALID.replace(
                    "  mode: dev-server\n", "  mode: dev-server\n  address: t.example.net:7233\n")))
        .containsExactly(
            "tapeflow.yaml:3: temporal.address: only used when mode is cluster (mode is dev-server)");
  }

  @Test
  void relativePaths_areTakenFromTheConfigFolder() {
    TapeflowConfig c = parse(VALID.replace("state: /var/lib/tapeflow", "state: state"));
    assertThat(c.state()).isEqualTo(dir.resolve("state"));
  }

  @Test
  void locate_prefersTheOption_thenTheEnvironment_thenTheDefault() {
    assertThat(
            ConfigReader.locate(
                Optional.of(Path.of("a.yaml")), Map.of("TAPEFLOW_CONFIG", "b.yaml")))
        .isEqualTo(Path.of("a.yaml"));
    assertThat(ConfigReader.locate(Optional.empty(), Map.of("TAPEFLOW_CONFIG", "b.yaml")))
        .isEqualTo(Path.of("b.yaml"));
    assertThat(ConfigReader.locate(Optional.empty(), Map.of()))
        .isEqualTo(Path.of("/etc/tapeflow/tapeflow.yaml"));
  }

  @Test
  void missingFile_isOneError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigReader.read(dir.resolve("none.yaml"), Map.of()));
    assertThat(e.errors())
        .singleElement()
        .asString()
        .endsWith("none.yaml: no such file (give --config FILE or set TAPEFLOW_CONFIG)");
  }
}
