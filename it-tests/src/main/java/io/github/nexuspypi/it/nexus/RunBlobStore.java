package io.github.nexuspypi.it.nexus;

import java.util.Locale;

/**
 * Where the repositories of a test run keep their content: Nexus's {@code default} file blob store, or with
 * {@code -Dit.blobStore=s3} an S3 blob store on an {@link S3Server} that the harness starts, so that the same ITs
 * prove the format on both.
 */
public enum RunBlobStore
{
  FILE("default"),
  S3("s3-default");

  public static final String PROPERTY = "it.blobStore";

  private final String name;

  RunBlobStore(final String name) {
    this.name = name;
  }

  public static RunBlobStore fromSystemProperty() {
    return named(System.getProperty(PROPERTY, "file"));
  }

  /** {@code file} or {@code s3}, in any case. */
  static RunBlobStore named(final String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
    catch (IllegalArgumentException e) {
      throw new IllegalStateException("-D" + PROPERTY + " is file or s3, not " + value, e);
    }
  }

  /** The blob store repositories are created in unless a test gives its own. */
  public String blobStoreName() {
    return name;
  }
}
