package io.github.nexuspypi.core.index;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One file on a project page. Only {@code filename} and {@code url} are required; every other part is {@code null}
 * when the source did not say (HTML pages carry no size or upload time), and {@code hashes} is empty then.
 *
 * @param filename       the distribution's file name (the anchor text, JSON {@code filename})
 * @param url            where to download it, absolute or relative to the page, without a hash fragment
 * @param hashes         hash name (lower case, as in {@code hashlib}) to hex digest
 * @param requiresPython the file's Requires-Python, unescaped
 * @param yank           PEP 592 yank, {@code null} when not yanked
 * @param coreMetadata   PEP 658 metadata file, {@code null} when the index does not serve one
 * @param size           PEP 700 size in bytes
 * @param uploadTime     PEP 700 upload time
 * @param gpgSig         whether a {@code .asc} signature exists, {@code null} when the index does not say
 */
public record DistributionLink(String filename, String url, Map<String, String> hashes, String requiresPython,
                               Yank yank, CoreMetadataRef coreMetadata, Long size, Instant uploadTime,
                               Boolean gpgSig)
{
  public DistributionLink {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    hashes = hashes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
  }

  public static Builder builder(final String filename, final String url) {
    return new Builder(filename, url);
  }

  public Builder toBuilder() {
    return new Builder(filename, url).hashes(hashes).requiresPython(requiresPython).yank(yank)
        .coreMetadata(coreMetadata).size(size).uploadTime(uploadTime).gpgSig(gpgSig);
  }

  /** The same file at another address: what a proxy publishes in place of the upstream URL. */
  public DistributionLink withUrl(final String newUrl) {
    return toBuilder().url(newUrl).build();
  }

  public boolean isYanked() {
    return yank != null;
  }

  public static final class Builder
  {
    private String filename;

    private String url;

    private Map<String, String> hashes = Map.of();

    private String requiresPython;

    private Yank yank;

    private CoreMetadataRef coreMetadata;

    private Long size;

    private Instant uploadTime;

    private Boolean gpgSig;

    private Builder(final String filename, final String url) {
      this.filename = filename;
      this.url = url;
    }

    public Builder filename(final String value) {
      filename = value;
      return this;
    }

    public Builder url(final String value) {
      url = value;
      return this;
    }

    public Builder hashes(final Map<String, String> value) {
      hashes = value;
      return this;
    }

    public Builder requiresPython(final String value) {
      requiresPython = value;
      return this;
    }

    public Builder yank(final Yank value) {
      yank = value;
      return this;
    }

    public Builder coreMetadata(final CoreMetadataRef value) {
      coreMetadata = value;
      return this;
    }

    public Builder size(final Long value) {
      size = value;
      return this;
    }

    public Builder uploadTime(final Instant value) {
      uploadTime = value;
      return this;
    }

    public Builder gpgSig(final Boolean value) {
      gpgSig = value;
      return this;
    }

    public DistributionLink build() {
      return new DistributionLink(filename, url, hashes, requiresPython, yank, coreMetadata, size, uploadTime,
          gpgSig);
    }
  }
}
