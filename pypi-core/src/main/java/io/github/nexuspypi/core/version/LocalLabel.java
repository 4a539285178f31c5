package io.github.nexuspypi.core.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local version label after {@code +}, normalised (lower case, {@code .} between segments, numbers without
 * leading zeros) and ordered as PEP 440 "Local version identifiers" says: segment by segment, a number above any
 * word, words alphabetically, and a label that runs out first is the lower one.
 */
final class LocalLabel
    implements Comparable<LocalLabel>
{
  private final List<String> segments;

  private LocalLabel(final List<String> segments) {
    this.segments = List.copyOf(segments);
  }

  static LocalLabel of(final String[] segments) {
    List<String> normalised = new ArrayList<>(segments.length);
    for (String segment : segments) {
      normalised.add(isNumber(segment) ? new BigInteger(segment).toString() : segment.toLowerCase(Locale.ROOT));
    }
    return new LocalLabel(normalised);
  }

  private static boolean isNumber(final String segment) {
    return segment.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  @Override
  public int compareTo(final LocalLabel other) {
    for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
      int c = compareSegment(segments.get(i), other.segments.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(segments.size(), other.segments.size());
  }

  private static int compareSegment(final String a, final String b) {
    boolean aNumber = isNumber(a);
    boolean bNumber = isNumber(b);
    if (aNumber && bNumber) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (aNumber != bNumber) {
      return aNumber ? 1 : -1;
    }
    return a.compareTo(b);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof LocalLabel other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return String.join(".", segments);
  }
}
