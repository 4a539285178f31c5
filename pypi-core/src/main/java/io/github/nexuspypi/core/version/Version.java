package io.github.nexuspypi.core.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PEP 440 version: parsed from any of the spellings the standard accepts, printed in its one normalised form, and
 * ordered as the standard orders releases. Two versions are equal when they order equal, so {@code 1.0} equals
 * {@code 1.0.0} and {@code 1.0+Ubuntu-01} equals {@code 1.0+ubuntu.1}: releases are matched that way on an index.
 */
public final class Version
    implements Comparable<Version>
{
  // The grammar of PEP 440 "Appendix B: Parsing version strings with regular expressions", written out again.
  private static final Pattern SYNTAX = Pattern.compile(
      "v?"
          + "(?:(?<epoch>[0-9]+)!)?"
          + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?"
          + "(?:-(?<implicitPost>[0-9]+)|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?"
          + "(?:[-_.]?(?<dev>dev)[-_.]?(?<devNumber>[0-9]+)?)?"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern LOCAL_SEPARATORS = Pattern.compile("[-_.]");

  private static final Comparator<BigInteger> ABSENT_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<BigInteger> ABSENT_LAST = Comparator.nullsLast(Comparator.naturalOrder());

  private final int epoch;

  private final List<BigInteger> release;

  private final PreRelease pre;

  private final BigInteger post;

  private final BigInteger dev;

  private final LocalLabel local;

  private Version(
      final int epoch,
      final List<BigInteger> release,
      final PreRelease pre,
      final BigInteger post,
      final BigInteger dev,
      final LocalLabel local)
  {
    this.epoch = epoch;
    this.release = List.copyOf(release);
    this.pre = pre;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  public static Version parse(final String text) throws InvalidVersionException {
    if (text == null) {
      throw new InvalidVersionException("null", "no version given");
    }
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidVersionException(text);
    }
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    PreRelease pre = m.group("preLabel") == null ? null : PreRelease.of(m.group("preLabel"), number(m, "preNumber"));
    BigInteger post = m.group("implicitPost") != null
        ? new BigInteger(m.group("implicitPost"))
        : m.group("postLabel") == null ? null : number(m, "postNumber");
    BigInteger dev = m.group("dev") == null ? null : number(m, "devNumber");
    LocalLabel local = m.group("local") == null ? null : LocalLabel.of(LOCAL_SEPARATORS.split(m.group("local")));
    return new Version(epoch(text, m.group("epoch")), release, pre, post, dev, local);
  }

  /** The version, or empty for text that is none: for callers to whom an invalid version is no error. */
  public static Optional<Version> tryParse(final String text) {
    try {
      return Optional.of(parse(text));
    }
    catch (InvalidVersionException e) {
      return Optional.empty();
    }
  }

  public static boolean isValid(final String text) {
    return text != null && SYNTAX.matcher(text.strip()).matches();
  }

  private static int epoch(final String text, final String epoch) throws InvalidVersionException {
    if (epoch == null) {
      return 0;
    }
    BigInteger value = new BigInteger(epoch);
    if (value.bitLength() > 31) {
      throw new InvalidVersionException(text, "the epoch " + value + " is too large");
    }
    return value.intValue();
  }

  /** A number the standard lets the writer omit, meaning 0 ({@code 1.0a} is {@code 1.0a0}). */
  private static BigInteger number(final Matcher m, final String group) {
    return m.group(group) == null ? BigInteger.ZERO : new BigInteger(m.group(group));
  }

  public int epoch() {
    return epoch;
  }

  public List<BigInteger> release() {
    return release;
  }

  /** Pre-releases, and development releases of anything, which installers skip unless asked for them. */
  public boolean isPrerelease() {
    return pre != null || dev != null;
  }

  public boolean isDevrelease() {
    return dev != null;
  }

  public boolean isPostrelease() {
    return post != null;
  }

  /** The normalised local label, e.g. {@code ubuntu.1} for {@code 1.0+Ubuntu-01}. */
  public Optional<String> local() {
    return Optional.ofNullable(local).map(LocalLabel::toString);
  }

  /** This version without its local label: what a public index would know it as. */
  public Version publicVersion() {
    return local == null ? this : new Version(epoch, release, pre, post, dev, null);
  }

  @Override
  public int compareTo(final Version other) {
    int c = Integer.compare(epoch, other.epoch);
    if (c == 0) {
      c = compareRelease(release, other.release);
    }
    if (c == 0) {
      c = Integer.compare(preRank(), other.preRank());
    }
    if (c == 0 && pre != null) {
      c = pre.number().compareTo(other.pre.number());
    }
    if (c == 0) {
      c = Objects.compare(post, other.post, ABSENT_FIRST);
    }
    if (c == 0) {
      c = Objects.compare(dev, other.dev, ABSENT_LAST);
    }
    if (c == 0) {
      c = Objects.compare(local, other.local, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
    return c;
  }

  /**
   * Where this version stands against others of the same release: a bare {@code .devN} comes before every
   * pre-release of that release (1.0.dev1 &lt; 1.0a1), a final or post release after them all.
   */
  private int preRank() {
    if (pre != null) {
      return pre.label().ordinal();
    }
    return post == null && dev != null ? -1 : PreRelease.Label.values().length;
  }

  /** Trailing zeros are insignificant: 1.0 and 1.0.0 are the same release. */
  private static int compareRelease(final List<BigInteger> a, final List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int c = part(a, i).compareTo(part(b, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static BigInteger part(final List<BigInteger> release, final int index) {
    return index < release.size() ? release.get(index) : BigInteger.ZERO;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof Version other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    int significant = release.size();
    while (significant > 0 && release.get(significant - 1).signum() == 0) {
      significant--;
    }
    return Objects.hash(epoch, release.subList(0, significant), pre, post, dev, local);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (epoch != 0) {
      s.append(epoch).append('!');
    }
    s.append(release.stream().map(BigInteger::toString).collect(Collectors.joining(".")));
    if (pre != null) {
      s.append(pre);
    }
    if (post != null) {
      s.append(".post").append(post);
    }
    if (dev != null) {
      s.append(".dev").append(dev);
    }
    if (local != null) {
      s.append('+').append(local);
    }
    return s.toString();
  }
}
