package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.ClientConfigFiles;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** twine as users run it: a {@code ~/.pypirc} naming the repository {@code nexus}, then {@code twine upload}. */
final class Twine
{
  private static final String ALIAS = "nexus";

  private Twine() {
  }

  static void configure(final IsolatedEnvironment env, final Nexus nexus, final String repository, final String user,
                        final String password)
  {
    env.write(".pypirc", ClientConfigFiles.pypirc(ALIAS, nexus.repositoryUri(repository), user, password));
  }

  static ProcessResult upload(final IsolatedEnvironment env, final PythonClients python, final List<Path> files,
                              final String... options)
  {
    List<String> arguments = new ArrayList<>(List.of("upload", "--repository", ALIAS, "--non-interactive",
        "--disable-progress-bar"));
    arguments.addAll(Arrays.asList(options));
    files.forEach(file -> arguments.add(file.toString()));
    return env.run(python.twine(), arguments.toArray(String[]::new));
  }
}
