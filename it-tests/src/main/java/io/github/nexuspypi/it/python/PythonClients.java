package io.github.nexuspypi.it.python;

import io.github.nexuspypi.it.files.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Python clients the tests drive, as command prefixes to give {@link IsolatedEnvironment#run}: pip of any
 * pyenv Python (in a virtual environment made once per run, so that each version brings its own ensurepip pip),
 * and Debian's twine, poetry, pdm, pipenv and build on {@code /usr/bin/python3}.
 */
public final class PythonClients
{
  private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

  private final Path root;

  private final Map<String, Path> virtualEnvironments = new ConcurrentHashMap<>();

  private final AtomicInteger environments = new AtomicInteger();

  /** Clients whose environments and virtual environments live under {@code root}, emptied first. */
  public PythonClients(final Path root) {
    this.root = FileTrees.fresh(root.toAbsolutePath().normalize());
  }

  /** A fresh isolated environment; the name only makes its folder easy to find after a failure. */
  public IsolatedEnvironment environment(final String name) {
    return IsolatedEnvironment.create(root.resolve("env").resolve(environments.incrementAndGet() + "-" + name));
  }

  /** pip of this pyenv Python version, isolated from every configuration file and variable. */
  public List<String> pip(final String pythonVersion) {
    return pipOf(python(pythonVersion));
  }

  /** pip of this interpreter, e.g. of a virtual environment a test made to install into, isolated as above. */
  public static List<String> pipOf(final Path python) {
    return List.of(python.toString(), "-m", "pip", "--isolated", "--no-cache-dir", "--disable-pip-version-check");
  }

  /** The interpreter of this run's virtual environment for a pyenv Python version, e.g. {@code 3.13.0}. */
  public Path python(final String pythonVersion) {
    return virtualEnvironments.computeIfAbsent(pythonVersion, this::createVirtualEnvironment);
  }

  public List<String> twine() {
    return List.of(debianProgram("/usr/bin/twine", "twine").toString());
  }

  public List<String> poetry() {
    return List.of(debianProgram("/usr/bin/poetry", "python3-poetry").toString());
  }

  public List<String> pdm() {
    return List.of(debianProgram("/usr/bin/pdm", "python3-pdm").toString());
  }

  public List<String> pipenv() {
    return List.of(debianProgram("/usr/bin/pipenv", "pipenv").toString());
  }

  /** {@code python -m build}; without {@code --no-isolation} it installs the build backend from an index. */
  public List<String> build() {
    debianProgram("/usr/lib/python3/dist-packages/build/__main__.py", "python3-build");
    return List.of(systemPython().toString(), "-m", "build");
  }

  public Path systemPython() {
    return debianProgram(SYSTEM_PYTHON.toString(), "python3");
  }

  /** Where pyenv keeps a version's interpreter: {@code $PYENV_ROOT} or {@code ~/.pyenv}. */
  public static Path pyenvPython(final String version) {
    String pyenvRoot = System.getenv("PYENV_ROOT");
    Path base = pyenvRoot != null ? Path.of(pyenvRoot) : Path.of(System.getProperty("user.home"), ".pyenv");
    Path python = base.resolve("versions").resolve(version).resolve("bin/python");
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("Python " + version + " is not installed at " + python
          + ": install it with `pyenv install " + version + "`");
    }
    return python;
  }

  /**
   * A new virtual environment of a pyenv Python version at {@code venv}, with the pip that version bundles, for a
   * test that installs into it; returns its interpreter.
   */
  public static Path createVirtualEnvironment(final IsolatedEnvironment env, final String version, final Path venv) {
    env.run(List.of(pyenvPython(version).toString(), "-m", "venv", venv.toString())).requireSuccess();
    return venv.resolve("bin/python");
  }

  private Path createVirtualEnvironment(final String version) {
    return createVirtualEnvironment(environment("venv-" + version), version, root.resolve("venv").resolve(version));
  }

  private static Path debianProgram(final String file, final String debianPackage) {
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new IllegalStateException(path + " is missing: install the Debian package " + debianPackage
          + " (./nexus-pypi-test installs every client the tests use)");
    }
    return path;
  }
}
