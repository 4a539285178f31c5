package io.github.nexuspypi.it.dists;

import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import java.nio.file.Path;

/**
 * {@code python3 -m build} of a source tree, as a user builds before {@code twine upload}. Without network the build
 * backend cannot be installed into an isolated build environment, so the build runs with {@code --no-isolation}
 * on Debian's setuptools and wheel, which the Debian python3 already has.
 */
public final class ProjectBuild
{
  private ProjectBuild() {
  }

  /** Builds an sdist and a wheel of {@code projectDir} into {@code projectDir/dist}. */
  public static BuiltDistributions build(final IsolatedEnvironment env, final PythonClients python,
                                         final Path projectDir)
  {
    Path dist = projectDir.resolve("dist");
    env.run(env.command(python.build(), "--no-isolation", "--outdir", dist.toString(), projectDir.toString()))
        .requireSuccess();
    return BuiltDistributions.in(dist);
  }
}
