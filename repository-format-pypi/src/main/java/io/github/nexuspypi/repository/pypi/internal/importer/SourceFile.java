package io.github.nexuspypi.repository.pypi.internal.importer;

import javax.annotation.Nullable;

import io.github.nexuspypi.repository.pypi.SourceDetails;

/**
 * One file a source offers, as its listing names it: nothing of it is read until it is imported.
 */
final class SourceFile
{
  private final String filename;

  private final String project;

  private final String location;

  @Nullable
  private final String sha256;

  private final SourceDetails details;

  /**
   * @param project  the normalised project the source files it under
   * @param location where the source keeps it: a path or a URL
   * @param sha256   what the source says the file's sha256 is, if it says
   */
  SourceFile(final String filename, final String project, final String location, @Nullable final String sha256,
             final SourceDetails details)
  {
    this.filename = filename;
    this.project = project;
    this.location = location;
    this.sha256 = sha256;
    this.details = details;
  }

  String filename() {
    return filename;
  }

  String project() {
    return project;
  }

  String location() {
    return location;
  }

  @Nullable
  String sha256() {
    return sha256;
  }

  SourceDetails details() {
    return details;
  }
}
