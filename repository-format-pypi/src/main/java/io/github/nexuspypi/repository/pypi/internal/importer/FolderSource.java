package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.repository.pypi.SourceDetails;

/**
 * A folder on the Nexus machine, flat (pypiserver's packages folder) or nested to any depth (a bandersnatch
 * {@code web/packages} tree, a devpi export): every file named like a distribution is one, whatever folder it is in.
 * A file's upload time is its modification time, the only date a folder keeps.
 */
final class FolderSource
    implements ImportSource
{
  /** What a distribution's name ends with; signatures, pages and metadata beside the files are not distributions. */
  private static final List<String> EXTENSIONS = List.of(".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar");

  private final Path folder;

  FolderSource(final Path folder) {
    this.folder = folder;
  }

  @Override
  public List<SourceFile> list(final ProjectFilter filter) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("The folder " + folder + " does not exist on the Nexus machine, or Nexus may not read it.");
    }
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> tree = Files.find(folder, Integer.MAX_VALUE,
        (path, attributes) -> attributes.isRegularFile() && isDistributionName(path))) {
      for (Path path : (Iterable<Path>) tree.sorted()::iterator) {
        String filename = path.getFileName().toString();
        String project = projectOf(filename);
        if (filter.admits(project)) {
          BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
          files.add(new SourceFile(filename, project, path.toString(), null,
              new SourceDetails(attributes.lastModifiedTime().toInstant(), null, null)));
        }
      }
    }
    return files;
  }

  /**
   * The project a file's name files it under; a name that is not a distribution's is taken at its first dash, so
   * that the filter still applies and the import reports it with the upload's message.
   */
  static String projectOf(final String filename) {
    try {
      return DistributionFilename.parse(filename).projectKey();
    }
    catch (InvalidFilenameException e) {
      int dash = filename.indexOf('-');
      return ProjectName.normalize(dash > 0 ? filename.substring(0, dash) : filename);
    }
  }

  private static boolean isDistributionName(final Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  @Override
  public InputStream open(final SourceFile file) throws IOException {
    return Files.newInputStream(Paths.get(file.location()));
  }
}
