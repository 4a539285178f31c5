package io.github.nexuspypi.repository.pypi.internal.importer;

import javax.annotation.Nullable;

/** One file's outcome, and the reason when it was not imported nor skipped. */
final class ImportedFile
{
  private final SourceFile file;

  private final ImportOutcome outcome;

  @Nullable
  private final String reason;

  private final long bytes;

  /** @param bytes how many bytes were read from the source and stored */
  ImportedFile(final SourceFile file, final ImportOutcome outcome, @Nullable final String reason, final long bytes) {
    this.file = file;
    this.outcome = outcome;
    this.reason = reason;
    this.bytes = bytes;
  }

  SourceFile file() {
    return file;
  }

  ImportOutcome outcome() {
    return outcome;
  }

  @Nullable
  String reason() {
    return reason;
  }

  long bytes() {
    return bytes;
  }
}
