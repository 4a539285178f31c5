package io.github.nexuspypi.it.dists;

import java.net.URI;
import java.nio.file.Path;

/**
 * A project that only installs others, as a user writes it for poetry or pdm to take every package from one index
 * in place of pypi.org: the {@code pyproject.toml} of an application with no code of its own.
 */
public final class ConsumerProject
{
  private ConsumerProject() {
  }

  /** Writes {@code dir/pyproject.toml} for poetry 1.3, whose only source is {@code index}; returns {@code dir}. */
  public static Path writePoetry(final Path dir, final URI index) {
    return write(dir, """
        [tool.poetry]
        name = "poetry-consumer"
        version = "0.1.0"
        description = "Installs from one index"
        authors = ["Integration Tests <it@example.org>"]

        [tool.poetry.dependencies]
        python = ">=3.7"

        # default = true: this source replaces PyPI, which poetry 1.3 would otherwise also ask.
        [[tool.poetry.source]]
        name = "nexus"
        url = "%s"
        default = true
        """.formatted(index));
  }

  /**
   * Writes {@code dir/pyproject.toml} for pdm 2.2, whose only source is {@code index}; returns {@code dir}. Add to it
   * with {@code pdm add --no-self}: there is nothing of its own to build and install.
   */
  public static Path writePdm(final Path dir, final URI index) {
    return write(dir, """
        [project]
        name = "pdm-consumer"
        version = "0.1.0"
        requires-python = ">=3.7"
        dependencies = []

        # Named pypi, this source replaces pypi.org.
        [[tool.pdm.source]]
        name = "pypi"
        url = "%s"
        """.formatted(index));
  }

  /** Writes {@code dir/Pipfile} for pipenv 2022, whose only source is {@code index}; returns {@code dir}. */
  public static Path writePipenv(final Path dir, final URI index) {
    ArchiveFiles.write(dir.resolve("Pipfile"), ArchiveFiles.utf8("""
        [[source]]
        url = "%s"
        verify_ssl = false
        name = "nexus"

        [packages]

        [dev-packages]
        """.formatted(index)));
    return dir;
  }

  private static Path write(final Path dir, final String pyproject) {
    ArchiveFiles.write(dir.resolve("pyproject.toml"), ArchiveFiles.utf8(pyproject));
    return dir;
  }
}
