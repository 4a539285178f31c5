package io.github.nexuspypi.it.dists;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The source tree of a one-module Python project, as a user would write it for setuptools, poetry or pdm. Its
 * module has {@code greet()} returning {@link #greeting()}, so that a test can prove the installed package runs.
 *
 * @param name           the project name as the user spells it (it may be non-normalised, e.g. {@code Tiny.Demo})
 * @param dependencies   project name to PEP 440 specifier, e.g. {@code wheel -> >=0.38}
 * @param requiresPython a PEP 440 specifier, e.g. {@code >=3.7}
 */
public record TinyProject(String name, String version, String summary, Map<String, String> dependencies,
                          String requiresPython)
{
  private static final String SETUPTOOLS = buildSystem("\"setuptools>=61\", \"wheel\"", "setuptools.build_meta");

  public TinyProject {
    dependencies = Map.copyOf(dependencies);
  }

  /** The import name: the project name as wheel file names write it. */
  public String module() {
    return CoreMetadataText.fileNamePart(name);
  }

  public String greeting() {
    return "Hello from " + name + " " + version;
  }

  /** The README every backend turns into the long description. */
  public String readme() {
    return "# " + name + "\n\n" + summary + ".\n\nA project written by the integration tests.\n";
  }

  /** A setuptools project (PEP 621 metadata) in {@code dir}: what {@code python -m build} builds. */
  public Path writeSetuptools(final Path dir) {
    return writeTree(dir, SETUPTOOLS + pep621());
  }

  /**
   * A pdm project that takes every package, its build backend included, from {@code index}: a
   * {@code [[tool.pdm.source]]} named {@code pypi} replaces pypi.org. Its backend is setuptools rather than pdm's
   * own pdm-pep517, because without network a backend must come from {@code index} either way: pdm 2.2 installs
   * missing build requirements from its sources even with {@code --no-isolation} (its builder looks for them only
   * in the project's own environment, {@code pdm/builders/base.py}), and Debian ships pdm-pep517 unpacked, with no
   * wheel to publish, while its setuptools and wheel wheels can be published to the repository first.
   */
  public Path writePdm(final Path dir, final URI index) {
    return writeTree(dir, SETUPTOOLS + pep621() + "\n"
        + "[[tool.pdm.source]]\n"
        + "name = \"pypi\"\n"
        + "url = \"" + index + "\"\n");
  }

  /**
   * A poetry project: poetry-core 1.4 reads only its own {@code [tool.poetry]} table, not PEP 621's. poetry-core
   * also leaves out of its archives what git ignores, so under an ignored folder (a build's {@code target/}) the
   * tree must be a git repository of its own ({@code git init}), as a user's project is.
   */
  public Path writePoetry(final Path dir) {
    String pyproject = "[tool.poetry]\n"
        + "name = \"" + name + "\"\n"
        + "version = \"" + version + "\"\n"
        + "description = \"" + summary + "\"\n"
        + "authors = [\"Integration Tests <it@example.org>\"]\n"
        + "readme = \"README.md\"\n"
        + "packages = [{ include = \"" + module() + "\", from = \"src\" }]\n\n"
        + "[tool.poetry.dependencies]\n"
        + "python = \"" + requiresPython + "\"\n"
        + dependencies.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(dependency -> dependency.getKey() + " = \"" + dependency.getValue() + "\"\n")
            .collect(Collectors.joining())
        + "\n" + buildSystem("\"poetry-core>=1.0.0\"", "poetry.core.masonry.api");
    return writeTree(dir, pyproject);
  }

  private static String buildSystem(final String requires, final String backend) {
    return "[build-system]\n"
        + "requires = [" + requires + "]\n"
        + "build-backend = \"" + backend + "\"\n\n";
  }

  private String pep621() {
    return "[project]\n"
        + "name = \"" + name + "\"\n"
        + "version = \"" + version + "\"\n"
        + "description = \"" + summary + "\"\n"
        + "readme = \"README.md\"\n"
        + "requires-python = \"" + requiresPython + "\"\n"
        + "dependencies = [" + dependencies.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(dependency -> "\"" + dependency.getKey() + dependency.getValue() + "\"")
            .collect(Collectors.joining(", ")) + "]\n";
  }

  /** Every backend here finds the package in the src layout, so that tests never import it from the tree. */
  private Path writeTree(final Path dir, final String pyproject) {
    write(dir.resolve("pyproject.toml"), pyproject);
    write(dir.resolve("README.md"), readme());
    write(dir.resolve("src").resolve(module()).resolve("__init__.py"), "__version__ = \"" + version + "\"\n\n\n"
        + "def greet():\n"
        + "    return \"" + greeting() + "\"\n");
    return dir;
  }

  private static void write(final Path file, final String content) {
    ArchiveFiles.write(file, ArchiveFiles.utf8(content));
  }
}
