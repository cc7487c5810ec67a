package io.tapeflow.worker.cli.tapes;

/** A wrong command line found after parsing (unknown pool, bad barcode): exit 2, nothing sent. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
