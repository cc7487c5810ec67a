package io.tapeflow.bacula.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embeds generated fragments in minimal whole {@code bacula-sd.conf} / {@code bacula-dir.conf}
 * files and runs Bacula 9.6's own check ({@code -t}) or JSON dump on them.
 */
public final class BaculaConfigCheck {
  private BaculaConfigCheck() {}

  /** Exit code and output of one run. */
  public record Result(int exitCode, String output) {}

  /** A whole storage daemon configuration around {@code fragment}, written under {@code dir}. */
  public static Path sdConfig(Path dir, String fragment) throws IOException {
    Files.createDirectories(dir.resolve("work"));
    String conf =
        "Storage {\n  Name = check-sd\n  SDPort = 29103\n  SDAddress = 127.0.0.1\n"
            + "  WorkingDirectory = \""
            + dir.resolve("work")
            + "\"\n  Pid Directory = \""
            + dir.resolve("work")
            + "\"\n}\nDirector {\n  Name = check-dir\n  Password = \"x\"\n}\n"
            + "Messages {\n  Name = Standard\n  director = check-dir = all\n}\n"
            + fragment;
    return write(dir.resolve("bacula-sd.conf"), conf);
  }

  /** A whole Director configuration around {@code fragment}, with one Job using the JobDefs. */
  public static Path dirConfig(Path dir, String fragment, String jobDefs) throws IOException {
    Files.createDirectories(dir.resolve("work"));
    String conf =
        "Director {\n  Name = check-dir\n  DIRport = 29101\n  DirAddress = 127.0.0.1\n"
            + "  QueryFile = \"/etc/bacula/scripts/query.sql\"\n  WorkingDirectory = \""
            + dir.resolve("work")
            + "\"\n  PidDirectory = \""
            + dir.resolve("work")
            + "\"\n  Password = \"x\"\n  Messages = Standard\n}\n"
            + "Catalog {\n  Name = Catalog\n  dbname = \"bacula\"; dbuser = \"\"; dbpassword = \"\"\n}\n"
            + "Client {\n  Name = check-fd\n  Address = 127.0.0.1\n  Catalog = Catalog\n"
            + "  Password = \"x\"\n}\n"
            + "FileSet {\n  Name = Data\n  Include {\n    File = /etc/hostname\n  }\n}\n"
            + "Messages {\n  Name = Standard\n  console = all\n}\n"
            + "Job {\n  Name = Nightly\n  JobDefs = \""
            + jobDefs
            + "\"\n  Client = check-fd\n  FileSet = Data\n  Messages = Standard\n}\n"
            + fragment;
    createCatalog(dir.resolve("work"));
    return write(dir.resolve("bacula-dir.conf"), conf);
  }

  /** The empty SQLite catalog {@code bacula-dir -t} opens, made by Debian's own script. */
  private static void createCatalog(Path work) throws IOException {
    String script =
        "sed -e \"s#^cd /var/lib/bacula#cd $1#\" -e s/XXX_DBNAME_XXX/bacula/"
            + " /usr/share/bacula-director/make_sqlite3_tables | sh";
    try {
      Result r = run(List.of("sh", "-c", script, "sh", work.toString()));
      if (r.exitCode() != 0) {
        throw new IOException("creating the SQLite catalog failed: " + r.output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating the catalog", e);
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Runs {@code program args…} and returns its exit code and merged output. */
  public static Result run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out);
  }
}
