package io.github.nexuspypi.it.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table, built row by row. */
public final class MarkdownTable
{
  private final List<String> header;

  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(final String... header) {
    this.header = List.of(header);
  }

  public MarkdownTable row(final Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("Expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells).stream().map(String::valueOf).toList());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    line(out, header.stream().map(cell -> "---").toList());
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(final StringBuilder out, final List<String> cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
