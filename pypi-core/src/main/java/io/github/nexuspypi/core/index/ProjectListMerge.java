package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Merges root pages listed in normalised-name order (as Warehouse, Nexus and this plugin list them) into one, each
 * name once, holding one entry per list rather than any list: a group of pypi.org's 600 000 names and a company's
 * own stays small. A list out of that order still merges, but a name it repeats out of order may then appear twice.
 */
public final class ProjectListMerge
{
  private ProjectListMerge() {
  }

  /** Where two lists hold the same project under different spellings, the earlier list's spelling is kept. */
  public static void merge(final List<ProjectListReader> lists, final ProjectListWriter out) throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head head) -> head.normalized)
        .thenComparingInt(head -> head.list));
    for (int i = 0; i < lists.size(); i++) {
      Head.read(lists.get(i), i).ifPresent(heads::add);
    }
    String last = null;
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      if (!head.normalized.equals(last)) {
        out.add(head.entry);
        last = head.normalized;
      }
      Head.read(head.reader, head.list).ifPresent(heads::add);
    }
  }

  private static final class Head
  {
    private final ProjectListReader reader;

    private final int list;

    private final ProjectListEntry entry;

    private final String normalized;

    private Head(final ProjectListReader reader, final int list, final ProjectListEntry entry) {
      this.reader = reader;
      this.list = list;
      this.entry = entry;
      this.normalized = entry.normalizedName();
    }

    static Optional<Head> read(final ProjectListReader reader, final int list) throws IOException {
      ProjectListEntry entry = reader.next();
      return entry == null ? Optional.empty() : Optional.of(new Head(reader, list, entry));
    }
  }
}
