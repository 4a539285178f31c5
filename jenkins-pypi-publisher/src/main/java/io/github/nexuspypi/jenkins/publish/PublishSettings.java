package io.github.nexuspypi.jenkins.publish;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to publish where, as the user configured it. Travels from the controller to the agent that holds the
 * workspace; the password stays out of {@link #toString()}.
 */
public final class PublishSettings
    implements Serializable
{
  private static final long serialVersionUID = 1L;

  /** What {@code pypiPublish} uploads when no pattern is given: what {@code python -m build} writes. */
  public static final String DEFAULT_FILES = "dist/*";

  private final URI repositoryUrl;

  private final UploadCredentials credentials;

  private final List<String> patterns;

  private final boolean skipExisting;

  private final boolean failWhenNothingMatches;

  private final int retries;

  private final Duration firstRetryDelay;

  private final boolean dryRun;

  private PublishSettings(final Builder builder) {
    this.repositoryUrl = builder.repositoryUrl;
    this.credentials = builder.credentials;
    this.patterns = builder.patterns;
    this.skipExisting = builder.skipExisting;
    this.failWhenNothingMatches = builder.failWhenNothingMatches;
    this.retries = builder.retries;
    this.firstRetryDelay = builder.firstRetryDelay;
    this.dryRun = builder.dryRun;
  }

  /** @param repositoryUrl the upload URL, e.g. {@code https://nexus/repository/pypi-hosted/} */
  public static Builder to(final String repositoryUrl) {
    return new Builder(repositoryUrl);
  }

  /** The upload URL, always ending with a slash: PyPI's own redirects a slash-less one, which twine refuses. */
  public URI repositoryUrl() {
    return repositoryUrl;
  }

  /** {@code null} for an anonymous upload. */
  public UploadCredentials credentials() {
    return credentials;
  }

  public List<String> patterns() {
    return patterns;
  }

  public boolean skipExisting() {
    return skipExisting;
  }

  public boolean failWhenNothingMatches() {
    return failWhenNothingMatches;
  }

  public int retries() {
    return retries;
  }

  public Duration firstRetryDelay() {
    return firstRetryDelay;
  }

  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public String toString() {
    return "PublishSettings{" + repositoryUrl + ", files " + patterns + (credentials == null ? ", anonymous"
        : ", as " + credentials.username()) + (skipExisting ? ", skip existing" : "") + (dryRun ? ", dry run" : "")
        + ", " + retries + " retries}";
  }

  public static final class Builder
  {
    private final URI repositoryUrl;

    private UploadCredentials credentials;

    private List<String> patterns = List.of(DEFAULT_FILES);

    private boolean skipExisting;

    private boolean failWhenNothingMatches = true;

    private int retries = 3;

    private Duration firstRetryDelay = Duration.ofSeconds(1);

    private boolean dryRun;

    private Builder(final String repositoryUrl) {
      String url = Objects.requireNonNull(repositoryUrl, "repositoryUrl").strip();
      URI parsed = URI.create(url.endsWith("/") ? url : url + "/");
      if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
        throw new IllegalArgumentException("The repository URL must be an http or https URL, not '" + url + "'");
      }
      this.repositoryUrl = parsed;
    }

    public Builder credentials(final UploadCredentials value) {
      credentials = value;
      return this;
    }

    /** Ant-style patterns relative to the workspace, separated by commas, e.g. {@code dist/*.whl, dist/*.tar.gz}. */
    public Builder files(final String value) {
      List<String> parsed = value == null ? List.of() : Arrays.stream(value.split(","))
          .map(String::strip).filter(pattern -> !pattern.isEmpty()).collect(Collectors.toList());
      patterns = parsed.isEmpty() ? List.of(DEFAULT_FILES) : List.copyOf(parsed);
      return this;
    }

    public Builder skipExisting(final boolean value) {
      skipExisting = value;
      return this;
    }

    public Builder failWhenNothingMatches(final boolean value) {
      failWhenNothingMatches = value;
      return this;
    }

    /** How often a connection error or a 5xx answer is retried; 4xx answers never are. */
    public Builder retries(final int value) {
      if (value < 0) {
        throw new IllegalArgumentException("retries must be 0 or more, not " + value);
      }
      retries = value;
      return this;
    }

    /** The wait before the first retry; each next one waits twice as long. */
    public Builder firstRetryDelay(final Duration value) {
      firstRetryDelay = Objects.requireNonNull(value);
      return this;
    }

    public Builder dryRun(final boolean value) {
      dryRun = value;
      return this;
    }

    public PublishSettings build() {
      return new PublishSettings(this);
    }
  }
}
