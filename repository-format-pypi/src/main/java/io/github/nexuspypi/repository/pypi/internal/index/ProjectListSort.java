package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListMerge;
import io.github.nexuspypi.core.index.ProjectListReader;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.index.SimpleJsonParser;

/**
 * Projects given in any order, a project any number of times, listed once each in the order of their normalised
 * names, the first spelling given kept: sorted a bounded number at a time, each run written to a temporary file, and
 * the runs merged as they are read. The database hands releases out in the order they were stored; sorting there
 * would read every release after the last name for each page on H2, whose planner sorts rather than walking the
 * index on names.
 */
public final class ProjectListSort
    implements Closeable
{
  private final Path directory;

  private final String prefix;

  private final int runSize;

  private final TreeMap<String, ProjectListEntry> run = new TreeMap<>();

  private final List<Path> runs = new ArrayList<>();

  /** @param runSize how many projects are held at once */
  public ProjectListSort(final Path directory, final String prefix, final int runSize) {
    this.directory = directory;
    this.prefix = prefix;
    this.runSize = runSize;
  }

  public void add(final ProjectListEntry project) throws IOException {
    run.putIfAbsent(project.normalizedName(), project);
    if (run.size() >= runSize) {
      spill();
    }
  }

  /** Every project once, in order; the earliest run's spelling of a name wins, as the earliest given. */
  public void writeTo(final ProjectListWriter out) throws IOException {
    if (runs.isEmpty()) {
      for (ProjectListEntry project : run.values()) {
        out.add(project);
      }
      return;
    }
    if (!run.isEmpty()) {
      spill();
    }
    List<InputStream> streams = new ArrayList<>();
    List<ProjectListReader> lists = new ArrayList<>();
    try {
      for (Path file : runs) {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        streams.add(in);
        lists.add(SimpleJsonParser.openIndex(in));
      }
      ProjectListMerge.merge(lists, out);
    }
    finally {
      for (ProjectListReader list : lists) {
        list.close();
      }
      for (InputStream stream : streams) {
        stream.close();
      }
    }
  }

  private void spill() throws IOException {
    Path file = Files.createTempFile(directory, prefix, ".run.json");
    runs.add(file);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
         ProjectListWriter list = ProjectListWriter.json(out)) {
      for (ProjectListEntry project : run.values()) {
        list.add(project);
      }
    }
    run.clear();
  }

  /** Removes the runs' files. */
  @Override
  public void close() throws IOException {
    for (Path file : runs) {
      Files.deleteIfExists(file);
    }
    runs.clear();
  }
}
