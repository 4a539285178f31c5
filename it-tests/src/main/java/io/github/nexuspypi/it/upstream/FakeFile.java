package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.Yank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One distribution file of a {@link FakeProject}, served by the files host at a pypi.org-like path. What the page
 * says about it (Requires-Python, yank, upload time, core metadata) can change while a test runs; the bytes cannot:
 * other bytes are another file, added again under the same name.
 */
public final class FakeFile
{
  private final String filename;

  private final byte[] bytes;

  private final String sha256;

  private final URI filesHost;

  private volatile String requiresPython;

  private volatile Yank yank;

  private volatile Instant uploadTime;

  private volatile byte[] coreMetadata;

  FakeFile(final String filename, final byte[] bytes, final URI filesHost) {
    this.filename = filename;
    this.bytes = bytes.clone();
    this.sha256 = sha256Of(bytes);
    this.filesHost = filesHost;
    this.coreMetadata = WheelMetadataFile.read(filename, bytes);
  }

  /** {@code null} to drop the attribute. */
  public FakeFile requiresPython(final String specifier) {
    requiresPython = specifier;
    return this;
  }

  /** Yanked with a reason; the empty reason is a yank without one ({@code data-yanked} without text). */
  public FakeFile yanked(final String reason) {
    yank = new Yank(reason);
    return this;
  }

  public FakeFile unyanked() {
    yank = null;
    return this;
  }

  /** The PEP 700 upload time, which JSON pages show; none unless set. */
  public FakeFile uploadTime(final Instant time) {
    uploadTime = time;
    return this;
  }

  /**
   * Serves {@code metadata} at the file's URL + {@code .metadata} and announces its sha256 on the page. A wheel that
   * pypi-core can read starts with its own {@code .dist-info/METADATA}; anything else starts without.
   */
  public FakeFile coreMetadata(final byte[] metadata) {
    coreMetadata = metadata.clone();
    return this;
  }

  /** Neither serves nor announces a {@code .metadata} file. */
  public FakeFile withoutCoreMetadata() {
    coreMetadata = null;
    return this;
  }

  public String filename() {
    return filename;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** The sha256 the pages announce, of the bytes the files host serves when no fault says otherwise. */
  public String sha256() {
    return sha256;
  }

  /** The {@code .metadata} file's bytes, {@code null} when none is served. */
  public byte[] coreMetadata() {
    byte[] metadata = coreMetadata;
    return metadata == null ? null : metadata.clone();
  }

  /**
   * Where the files host serves it: {@code /packages/<2 hex>/<2 hex>/<60 hex>/<filename>}, as files.pythonhosted.org
   * lays out its files (it takes the hex from BLAKE2b, this fake from sha256).
   */
  public String path() {
    return "/packages/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256.substring(4) + "/"
        + filename;
  }

  public String metadataPath() {
    return path() + ".metadata";
  }

  /** The absolute URL the pages link, on the files host. */
  public URI uri() {
    return filesHost.resolve(path());
  }

  /** Its name taken apart; empty for a name pypi-core cannot read, which a test may serve on purpose. */
  Optional<DistributionFilename> distributionName() {
    try {
      return Optional.of(DistributionFilename.parse(filename));
    }
    catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }

  /** The file as pypi-core's page writers take it; its URL is absolute, on the files host. */
  DistributionLink link() {
    byte[] metadata = coreMetadata;
    return DistributionLink.builder(filename, uri().toString())
        .hashes(Map.of("sha256", sha256))
        .requiresPython(requiresPython)
        .yank(yank)
        .coreMetadata(metadata == null ? null : CoreMetadataRef.sha256(sha256Of(metadata)))
        .size((long) bytes.length)
        .uploadTime(uploadTime)
        .build();
  }

  static String sha256Of(final byte[] content) {
    try {
      return FileDigests.of(new ByteArrayInputStream(content)).sha256();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Bytes in memory cannot fail to read", e);
    }
  }
}
