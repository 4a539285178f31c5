package io.github.nexuspypi.jenkins.publish;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * What became of one file: published, already there, or (in a dry run) what would have been sent; where it can be
 * found now; how big it was and how long it took.
 */
public final class PublishedFile
    implements Serializable
{
  private static final long serialVersionUID = 1L;

  public enum Outcome
  {
    UPLOADED("uploaded"),
    ALREADY_THERE("already there, skipped"),
    DRY_RUN("checked, not uploaded (dry run)");

    private final String description;

    Outcome(final String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final String filename;

  private final String project;

  private final String version;

  private final long size;

  /** Milliseconds, not a {@link Duration}: Jenkins saves this in build.xml, and its XStream filter refuses Duration. */
  private final long tookMillis;

  private final Outcome outcome;

  private final String url;

  PublishedFile(final String filename, final String project, final String version, final long size,
                final Duration took, final Outcome outcome, final String url)
  {
    this.filename = filename;
    this.project = project;
    this.version = version;
    this.size = size;
    this.tookMillis = took.toMillis();
    this.outcome = outcome;
    this.url = url;
  }

  public String filename() {
    return filename;
  }

  /** The project's name as its metadata has it. */
  public String project() {
    return project;
  }

  public String version() {
    return version;
  }

  public long size() {
    return size;
  }

  public Duration took() {
    return Duration.ofMillis(tookMillis);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Where the repository lists the file now: its link on the project's page, or the page itself. */
  public String url() {
    return url;
  }

  // The build page's getters: Jelly's JEXL reads bean properties, and calls no method on a primitive such as size.

  public String getFilename() {
    return filename;
  }

  public String getUrl() {
    return url;
  }

  /** The size for people, e.g. {@code 12.3 KiB}. */
  public String getDisplaySize() {
    return humanSize(size);
  }

  public String getOutcomeDescription() {
    return outcome.description();
  }

  PublishedFile at(final String newUrl) {
    return new PublishedFile(filename, project, version, size, took(), outcome, newUrl);
  }

  /** The build log's line for it, e.g. {@code demo-1.0.tar.gz (12.3 KiB, 0.4 s): uploaded, https://...}. */
  public String logLine() {
    return filename + " (" + humanSize(size) + ", " + String.format(Locale.ROOT, "%.1f s",
        tookMillis / 1000.0) + "): " + outcome.description() + (url == null ? "" : ", " + url);
  }

  static String humanSize(final long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
