package io.github.nexuspypi.repository.pypi.internal.importer;

/** What became of one file of an import. */
enum ImportOutcome
{
  /** Stored. */
  IMPORTED,
  /** The repository holds it already, with the same sha256. */
  SKIPPED,
  /** The repository holds other bytes under its name, which an import never replaces. */
  CONFLICT,
  /** Refused as an upload of it would be, with the upload's message. */
  REFUSED,
  /** Not read from the source: run the import again to retry it. */
  FAILED
}
