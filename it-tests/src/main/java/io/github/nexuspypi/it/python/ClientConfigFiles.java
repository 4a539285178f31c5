package io.github.nexuspypi.it.python;

import java.net.URI;

/** The configuration files Python users write to point their clients at a repository. */
public final class ClientConfigFiles
{
  private ClientConfigFiles() {
  }

  /** {@code pip.conf} (or {@code pip.ini}) installing from one index. */
  public static String pipConf(final URI indexUrl) {
    return "[global]\n"
        + "index-url = " + indexUrl + "\n";
  }

  /** {@code ~/.pypirc} naming one upload target, used as {@code twine upload --repository <alias>}. */
  public static String pypirc(final String alias, final URI repositoryUrl, final String username,
                              final String password) {
    return "[distutils]\n"
        + "index-servers =\n"
        + "    " + alias + "\n"
        + "\n"
        + "[" + alias + "]\n"
        + "repository = " + repositoryUrl + "\n"
        + "username = " + username + "\n"
        + "password = " + password + "\n";
  }
}
