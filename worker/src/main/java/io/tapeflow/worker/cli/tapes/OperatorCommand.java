package io.tapeflow.worker.cli.tapes;

import io.tapeflow.worker.config.ConfigError;
import io.tapeflow.worker.config.ConfigException;
import io.tapeflow.worker.config.ConfigReader;
import io.tapeflow.worker.config.TapeflowConfig;
import io.tapeflow.worker.config.TemporalConfig;
import io.tapeflow.worker.config.TemporalMode;
import io.tapeflow.worker.temporal.TemporalConnection;
import io.tapeflow.workflows.common.Barcodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every operator command shares: the config ({@code --config FILE}, else {@code
 * $TAPEFLOW_CONFIG}, else {@code /etc/tapeflow/tapeflow.yaml}) and a client of the worker's
 * Temporal. These commands never start a server: on {@code dev-server} and {@code embedded} they
 * reach the worker's server on {@code 127.0.0.1:temporal.devServer.port}, on {@code cluster} the
 * configured address. Exit codes: 0 ok, 1 refused or failed, 2 bad command line or config.
 */
abstract class OperatorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The config file (default: $TAPEFLOW_CONFIG, else /etc/tapeflow/tapeflow.yaml).")
  Path config;

  private TemporalConnection temporal;

  /** Runs the command; returns the exit code. */
  abstract int run(TapeflowConfig config) throws Exception;

  /** Checks what can be checked without Temporal; throws {@link UsageException} if wrong. */
  void validate() {}

  @Override
  public final Integer call() throws Exception {
    try {
      validate();
      Map<String, String> env = System.getenv();
      TapeflowConfig c;
      try {
        c = ConfigReader.read(ConfigReader.locate(Optional.ofNullable(config), env), env);
      } catch (ConfigException e) {
        e.errors().stream().map(ConfigError::toString).forEach(err()::println);
        err().flush();
        return 2;
      }
      return run(c);
    } catch (UsageException e) {
      err().println(spec.qualifiedName() + ": " + e.getMessage());
      err().flush();
      return 2;
    } finally {
      if (temporal != null) {
        temporal.close();
      }
      out().flush();
    }
  }

  /** A client of the worker's Temporal (opened on first use, closed when the command ends). */
  TemporalConnection temporal(TapeflowConfig c) {
    if (temporal == null) {
      temporal = connect(c.temporal());
    }
    return temporal;
  }

  static TemporalConnection connect(TemporalConfig t) {
    return t.mode() == TemporalMode.CLUSTER
        ? TemporalConnection.cluster(t.address().orElseThrow(), t.namespace(), t.tls(), t.apiKey())
        : TemporalConnection.target("127.0.0.1:" + t.devServer().port(), t.namespace());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Checks every barcode before anything is sent. */
  static void requireBarcodes(List<String> barcodes) {
    for (String b : barcodes) {
      if (!Barcodes.valid(b)) {
        throw new UsageException(
            "barcode '" + b + "' is invalid: a tape barcode is 5 to 16 characters A-Z and 0-9");
      }
    }
  }
}
