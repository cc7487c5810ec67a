package io.tapeflow.bacula.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The password the Director gives the storage daemon. Never a secret in clear: either a file the
 * configuration includes ({@code Password = @FILE}, Bacula reads it when it starts) or a
 * placeholder a person replaces.
 */
public sealed interface Password {
  /** The directive's value as written in the configuration. */
  String directiveValue();

  /**
   * The password in {@code file}, whose content the caller has read as {@code secret}: checked to
   * reach Bacula intact through an include (letters, digits and {@code ._+/!$%^&*()~-}; Bacula cuts
   * an unquoted word at {@code =}, {@code #} or a space).
   *
   * @throws IllegalArgumentException naming the file, never showing the secret
   */
  static Password fromFile(Path file, String secret) {
    if (secret == null || !ConfigValues.bareToken(secret)) {
      throw new IllegalArgumentException(
          "the password in "
              + file
              + " has characters Bacula cannot read from an included file; use letters, digits"
              + " and ._+/!$%^&*()~- only (for example: openssl rand -hex 24)");
    }
    return new FromFile(file);
  }

  /** The password is the content of {@code file}, included by Bacula at start. */
  record FromFile(Path file) implements Password {
    public FromFile {
      Objects.requireNonNull(file, "file");
      ConfigValues.word("password file path", file.toString());
      if (!file.isAbsolute()) {
        throw new IllegalArgumentException(
            "password file '" + file + "' must be an absolute path: Bacula includes it");
      }
    }

    @Override
    public String directiveValue() {
      return "@" + file;
    }
  }

  /** No password given: a visible placeholder. */
  record Placeholder() implements Password {
    public static final String TEXT = "REPLACE-WITH-THE-SD-PASSWORD";

    @Override
    public String directiveValue() {
      return "\"" + TEXT + "\"";
    }
  }
}
