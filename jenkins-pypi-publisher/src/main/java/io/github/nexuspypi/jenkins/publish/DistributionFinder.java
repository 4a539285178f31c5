package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a job's patterns name in its workspace, as Ant (and Jenkins's archiving) reads patterns: relative to the
 * workspace, {@code *} within one folder, {@code **} across folders, a trailing {@code /} meaning everything below.
 * Only the folder before a pattern's first wildcard is walked, not the whole workspace.
 */
final class DistributionFinder
{
  private final Path workspace;

  DistributionFinder(final Path workspace) {
    this.workspace = workspace.toAbsolutePath().normalize();
  }

  /** Every regular file any pattern matches, each once, in path order. */
  List<Path> find(final List<String> patterns) throws PublishException {
    TreeSet<Path> found = new TreeSet<>();
    for (String pattern : patterns) {
      found.addAll(find(pattern));
    }
    return new ArrayList<>(found);
  }

  private List<Path> find(final String pattern) throws PublishException {
    String glob = pattern.replace('\\', '/');
    if (glob.startsWith("/") || glob.contains("..")) {
      throw new PublishException("The file pattern '" + pattern + "' must stay inside the workspace: write "
          + "it relative to the workspace, e.g. dist/*");
    }
    if (glob.endsWith("/")) {
      glob += "**";
    }
    Path root = workspace.resolve(fixedPrefix(glob));
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    // In Ant, "**/" also matches no folder at all; in Java's globs it needs at least one.
    String antGlob = glob.contains("{") ? glob : glob.replace("**/", "{**/,}");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + antGlob);
    List<Path> matched = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(relative(file)))
          .forEach(matched::add);
    }
    catch (IOException | UncheckedIOException e) {
      throw new PublishException("Could not look for '" + pattern + "' in " + root + ": " + PublishException.reason(e)
          + ". Check that the job may read the workspace there.", e);
    }
    return matched;
  }

  /** The folders of a glob before its first wildcard, e.g. {@code dist/wheels} of {@code dist/wheels/*.whl}. */
  private static String fixedPrefix(final String glob) {
    String[] segments = glob.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].matches(".*[*?\\[{].*")) {
        break;
      }
      prefix.append(segments[i]).append('/');
    }
    return prefix.toString();
  }

  /** The file relative to the workspace, with {@code /} between folders as the patterns have it. */
  private Path relative(final Path file) {
    return FileSystems.getDefault().getPath(workspace.relativize(file).toString().replace('\\', '/'));
  }
}
