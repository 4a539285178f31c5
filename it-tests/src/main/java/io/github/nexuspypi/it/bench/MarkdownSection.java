package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated part of a hand-written Markdown file, between two HTML comments that Markdown does not render: a run
 * replaces its own part and leaves the prose around it alone.
 */
public final class MarkdownSection
{
  private MarkdownSection() {
  }

  /** Replaces the section {@code id} of the file with {@code content}; appends it when the file has none. */
  public static void write(final Path file, final String id, final String content) {
    String start = "<!-- results:" + id + " start (written by the benchmark, do not edit) -->\n";
    String end = "<!-- results:" + id + " end -->\n";
    String section = start + content.strip() + "\n" + end;
    try {
      String text = Files.isRegularFile(file) ? Files.readString(file) : "";
      int from = text.indexOf(start);
      int to = text.indexOf(end);
      String updated = from >= 0 && to > from
          ? text.substring(0, from) + section + text.substring(to + end.length())
          : text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section;
      Files.createDirectories(file.getParent());
      Files.writeString(file, updated);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write the results into " + file, e);
    }
  }
}
