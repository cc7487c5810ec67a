package io.tapeflow.bacula.testing;

import io.tapeflow.bacula.BaculaConsole;
import io.tapeflow.bacula.console.BconsoleClient;
import io.tapeflow.bacula.console.BconsoleSettings;
import io.tapeflow.bacula.model.ClientName;
import io.tapeflow.bacula.model.JobName;
import io.tapeflow.bacula.model.PoolName;
import io.tapeflow.bacula.model.StorageName;
import io.tapeflow.changer.testing.RepoRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private Bacula started by {@code infra/bin/bacula up} in a directory of the test's; {@link
 * #close} runs {@code down}, which stops exactly those daemons.
 */
public final class BaculaFixture implements AutoCloseable {
  private final Path dir;
  private final Map<String, String> env;

  private BaculaFixture(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  public static Builder in(Path dir) {
    return new Builder(dir);
  }

  public String env(String key) {
    String v = env.get(key);
    if (v == null) {
      throw new IllegalStateException("bacula.env has no " + key);
    }
    return v;
  }

  public Path dir() {
    return dir;
  }

  public Path bconsoleConf() {
    return Path.of(env("BCONSOLE_CONF"));
  }

  public BconsoleClient client(Duration timeout) {
    return new BconsoleClient(BconsoleSettings.of(bconsoleConf()).withTimeout(timeout));
  }

  public BaculaConsole console() {
    return new BaculaConsole(client(Duration.ofMinutes(3)));
  }

  /** The test-side commands (run a backup, purge, mount by hand, ...). */
  public BaculaTestConsole testConsole() {
    return new BaculaTestConsole(client(Duration.ofMinutes(3)));
  }

  public StorageName storage() {
    return StorageName.of(env("STORAGE"));
  }

  public PoolName pool() {
    return PoolName.of(env("POOL"));
  }

  public ClientName client() {
    return ClientName.of(env("CLIENT"));
  }

  public JobName backupJob() {
    return JobName.of(env("BACKUP_JOB"));
  }

  public JobName restoreJob() {
    return JobName.of(env("RESTORE_JOB"));
  }

  @Override
  public void close() {
    Scripts.run(
        List.of(RepoRoot.script("bacula").toString(), "down", "--dir", dir.toString()), 120);
  }

  /** Options of {@code infra/bin/bacula up}. */
  public static final class Builder {
    private final Path dir;
    private final List<String> args = new ArrayList<>();

    private Builder(Path dir) {
      this.dir = dir;
    }

    public Builder option(String name, String value) {
      args.add(name);
      args.add(value);
      return this;
    }

    public BaculaFixture start() {
      List<String> cmd =
          new ArrayList<>(
              List.of(RepoRoot.script("bacula").toString(), "up", "--dir", dir.toString()));
      cmd.addAll(args);
      if (!args.contains("--classpath")) {
        cmd.add("--classpath");
        cmd.add(System.getProperty("java.class.path"));
      }
      Scripts.run(cmd, 600);
      return new BaculaFixture(dir, Scripts.readEnv(dir.resolve("bacula.env")));
    }
  }
}
