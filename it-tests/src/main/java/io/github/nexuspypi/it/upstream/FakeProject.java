package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.name.ProjectName;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A project of the {@link FakeIndex}: its page lists its files in the order they were added. */
public final class FakeProject
{
  private final String name;

  private final URI filesHost;

  private final String mountPoint;

  private final List<FakeFile> files = new CopyOnWriteArrayList<>();

  FakeProject(final String name, final URI filesHost, final String mountPoint) {
    this.name = name;
    this.filesHost = filesHost;
    this.mountPoint = mountPoint;
  }

  /**
   * Adds a file, or puts one with other bytes in the place of the file of that name: what an upstream does when a
   * file is deleted and uploaded again, which pypi.org forbids and other indexes allow.
   */
  public synchronized FakeFile file(final String filename, final byte[] bytes) {
    FakeFile file = new FakeFile(filename, bytes, filesHost);
    Optional<FakeFile> old = find(filename);
    if (old.isPresent()) {
      files.set(files.indexOf(old.get()), file);
    }
    else {
      files.add(file);
    }
    return file;
  }

  /** The file of that name, which must have been added. */
  public FakeFile file(final String filename) {
    return find(filename).orElseThrow(() -> new IllegalArgumentException(name + " has no file " + filename));
  }

  public synchronized void remove(final String filename) {
    files.removeIf(file -> file.filename().equals(filename));
  }

  public List<FakeFile> files() {
    return List.copyOf(files);
  }

  /** The display name, as the root page shows it. */
  public String name() {
    return name;
  }

  /** {@code <mount point><normalised name>/}, e.g. {@code /simple/tiny/}: where the index host serves the page. */
  public String path() {
    return mountPoint + ProjectName.normalize(name) + "/";
  }

  Optional<FakeFile> find(final String filename) {
    return files.stream().filter(file -> file.filename().equals(filename)).findFirst();
  }

  /** The page, with PEP 700's versions taken from the file names; a file without one is listed all the same. */
  ProjectPage page() {
    List<FakeFile> listed = files();
    Set<String> versions = new LinkedHashSet<>();
    listed.forEach(file -> file.distributionName().ifPresent(name -> versions.add(name.version())));
    return new ProjectPage(name, listed.stream().map(FakeFile::link).toList(), versions);
  }
}
