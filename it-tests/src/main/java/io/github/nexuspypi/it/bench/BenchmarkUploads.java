package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.python.ClientConfigFiles;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the benchmarks of a hosted repository serve, uploaded with twine in one command before any measurement: a
 * real wheel (Debian's setuptools, 1.2 MiB), a 20 MiB wheel written here, and a project of 30 releases (a wheel and
 * an sdist each) whose page is measured.
 */
public record BenchmarkUploads(List<Path> wheels, String pageProject, int pageReleases)
{
  private static final Path DEBIAN_WHEEL = Path.of("/usr/share/python-wheels/setuptools-66.1.1-py3-none-any.whl");

  private static final long SYNTHETIC_WHEEL_BYTES = 20L << 20;

  private static final int PAGE_RELEASES = 30;

  private static final String PAGE_PROJECT = "benchpage";

  /** Writes every file into a fresh environment's {@code dist/} and uploads them all, as admin. */
  public static BenchmarkUploads uploadTo(final Nexus nexus, final PythonClients python, final String repository)
      throws IOException
  {
    Path dist = Files.createDirectories(python.environment("benchmark-files").home().resolve("dist"));
    Path debianWheel = Files.copy(DEBIAN_WHEEL, dist.resolve(DEBIAN_WHEEL.getFileName()));
    Path syntheticWheel = LargeWheel.write(dist, "benchwheel", "1.0", SYNTHETIC_WHEEL_BYTES, 20);
    for (int i = 1; i <= PAGE_RELEASES; i++) {
      WheelBuilder.of(PAGE_PROJECT, "1." + i).writeTo(dist);
      SdistBuilder.of(PAGE_PROJECT, "1." + i).writeTo(dist);
    }
    try (Stream<Path> files = Files.list(dist)) {
      twineUpload(nexus, python, repository, files.toList());
    }
    return new BenchmarkUploads(List.of(debianWheel, syntheticWheel), PAGE_PROJECT, PAGE_RELEASES);
  }

  /** Uploads {@code files} with Debian's twine in one command, as admin, from a fresh environment. */
  public static void twineUpload(final Nexus nexus, final PythonClients python, final String repository,
                                 final List<Path> files)
  {
    IsolatedEnvironment uploader = python.environment("benchmark-uploads");
    uploader.write(".pypirc", ClientConfigFiles.pypirc("bench", nexus.repositoryUri(repository), "admin",
        nexus.adminPassword()));
    List<String> arguments = new ArrayList<>(List.of("upload", "--disable-progress-bar", "--repository", "bench"));
    files.stream().map(Path::toString).sorted().forEach(arguments::add);
    uploader.run(python.twine(), arguments.toArray(String[]::new)).requireSuccess();
  }

  /** The normalised project a wheel belongs to: the page that links it. */
  public static String projectOf(final Path wheel) {
    try {
      return DistributionFilename.parse(wheel.getFileName().toString()).projectKey();
    }
    catch (InvalidFilenameException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A wheel as the result tables name it, e.g. {@code setuptools-66.1.1-py3-none-any.whl (1.2 MiB)}. */
  public static String scenario(final Path wheel) throws IOException {
    return wheel.getFileName() + " (" + sizeOf(Files.size(wheel)) + ")";
  }

  /** The page as the result tables name it, e.g. {@code page text/html (16 KiB, 30 releases)}. */
  public String pageScenario(final String mediaType, final byte[] page) {
    return "page " + mediaType + " (" + sizeOf(page.length) + ", " + pageReleases + " releases)";
  }

  private static String sizeOf(final long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0) : bytes / 1024 + " KiB";
  }
}
