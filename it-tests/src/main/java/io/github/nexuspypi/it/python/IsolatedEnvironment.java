package io.github.nexuspypi.it.python;

import io.github.nexuspypi.it.files.FileTrees;
import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.process.ProcessRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A home folder of its own and an environment built from nothing, in which Python clients see no configuration
 * of the machine they run on: no {@code /etc/pip.conf}, no {@code PIP_*} or {@code PYTHON*} variables, no user
 * or site configuration of pip, poetry, pdm, pipenv or virtualenv, no pyenv shims on the PATH, no keyring.
 * Its folder holds {@code home/} (also the working directory) and {@code logs/} (one file per command run).
 */
public final class IsolatedEnvironment
{
  private static final String SEARCH_PATH = "/usr/bin:/bin";

  private final Path root;

  private final Map<String, String> variables;

  private final AtomicInteger commands = new AtomicInteger();

  private IsolatedEnvironment(final Path root) {
    this.root = root;
    this.variables = variables(root.resolve("home"), root.resolve("xdg-site"));
  }

  /** An environment in this folder, emptied first. */
  public static IsolatedEnvironment create(final Path root) {
    IsolatedEnvironment environment = new IsolatedEnvironment(root.toAbsolutePath().normalize());
    FileTrees.fresh(environment.root);
    for (String dir : List.of("home/tmp", "home/.config", "home/.cache", "home/.local/share", "xdg-site", "logs")) {
      FileTrees.fresh(environment.root.resolve(dir));
    }
    return environment;
  }

  public Path home() {
    return root.resolve("home");
  }

  public Map<String, String> variables() {
    return variables;
  }

  /** A tool (one of {@link PythonClients}' commands) with arguments, run in the home folder. */
  public Command command(final List<String> tool, final String... arguments) {
    List<String> all = new ArrayList<>(tool);
    all.addAll(Arrays.asList(arguments));
    return new Command(all, home(), variables, Command.DEFAULT_TIMEOUT);
  }

  public ProcessResult run(final List<String> tool, final String... arguments) {
    return run(command(tool, arguments));
  }

  public ProcessResult run(final Command command) {
    String program = Path.of(command.arguments().get(0)).getFileName().toString();
    String log = String.format("%03d-%s.log", commands.incrementAndGet(), program);
    return ProcessRunner.run(command, root.resolve("logs").resolve(log));
  }

  /** Writes a file under the home folder, e.g. {@code .pypirc}, and returns its path. */
  public Path write(final String relativePath, final String content) {
    Path file = home().resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static Map<String, String> variables(final Path home, final Path emptySiteConfig) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("HOME", home.toString());
    variables.put("PATH", SEARCH_PATH);
    variables.put("TMPDIR", home.resolve("tmp").toString());
    variables.put("LANG", "C.UTF-8");
    variables.put("LC_ALL", "C.UTF-8");
    variables.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    variables.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    variables.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    // Site-wide configuration (pip's /etc/xdg/pip, pdm's /etc/xdg/pdm) is looked up here.
    variables.put("XDG_CONFIG_DIRS", emptySiteConfig.toString());
    // pip loads no configuration file at all when this names the null device.
    variables.put("PIP_CONFIG_FILE", "/dev/null");
    variables.put("PIP_NO_INPUT", "1");
    variables.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    variables.put("PYTHONNOUSERSITE", "1");
    // twine and poetry ask the desktop keyring for passwords, which may block on a headless machine.
    variables.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
    variables.put("POETRY_CONFIG_DIR", home.resolve(".config/pypoetry").toString());
    variables.put("POETRY_CACHE_DIR", home.resolve(".cache/pypoetry").toString());
    variables.put("POETRY_VIRTUALENVS_IN_PROJECT", "true");
    variables.put("POETRY_NO_INTERACTION", "1");
    variables.put("PDM_CONFIG_FILE", home.resolve(".config/pdm/config.toml").toString());
    variables.put("PDM_CHECK_UPDATE", "false");
    variables.put("PIPENV_CACHE_DIR", home.resolve(".cache/pipenv").toString());
    variables.put("PIPENV_VENV_IN_PROJECT", "1");
    variables.put("PIPENV_IGNORE_VIRTUALENVS", "1");
    variables.put("PIPENV_DONT_USE_PYENV", "1");
    variables.put("PIPENV_DONT_USE_ASDF", "1");
    variables.put("PIPENV_DONT_LOAD_ENV", "1");
    variables.put("PIPENV_NOSPIN", "1");
    variables.put("PIPENV_YES", "1");
    variables.put("VIRTUALENV_NO_PERIODIC_UPDATE", "1");
    return Map.copyOf(variables);
  }
}
