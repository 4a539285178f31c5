package io.github.nexuspypi.it.dists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A wheel written in Java, without a build backend: a module, {@code .dist-info/METADATA}, {@code WHEEL} and a
 * {@code RECORD} of the other entries. The same inputs give the same bytes (fixed entry times), so a rebuilt wheel
 * is an identical re-upload and a wheel with one more file is "other bytes under a taken name".
 */
public final class WheelBuilder
{
  /** 1980-01-02, the earliest date a ZIP entry holds in every time zone. */
  static final long ENTRY_TIME = 315_619_200_000L;

  private final String name;

  private final String version;

  private final CoreMetadataText metadata;

  private final ArchiveEdits edits = new ArchiveEdits();

  private String tag = "py3-none-any";

  private WheelBuilder(final String name, final String version) {
    this.name = name;
    this.version = version;
    this.metadata = CoreMetadataText.of(name, version);
  }

  public static WheelBuilder of(final String name, final String version) {
    return new WheelBuilder(name, version);
  }

  /** The METADATA to write, to add or change fields. */
  public CoreMetadataText metadata() {
    return metadata;
  }

  /** The compatibility tag, {@code py3-none-any} unless changed. */
  public WheelBuilder tag(final String newTag) {
    this.tag = newTag;
    return this;
  }

  /** Adds or replaces an entry, generated ones included (e.g. {@code <distInfo>/WHEEL}). */
  public WheelBuilder file(final String path, final String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public WheelBuilder file(final String path, final byte[] content) {
    edits.put(path, content);
    return this;
  }

  /** Leaves a generated entry out, e.g. {@code distInfo() + "/METADATA"}. */
  public WheelBuilder omit(final String path) {
    edits.omit(path);
    return this;
  }

  /** {@code <name>-<version>.dist-info}, with the name as wheel file names write it. */
  public String distInfo() {
    return CoreMetadataText.fileNamePart(name) + "-" + version + ".dist-info";
  }

  public String fileName() {
    return CoreMetadataText.fileNamePart(name) + "-" + version + "-" + tag + ".whl";
  }

  /** The METADATA bytes as they will be in the wheel, unless replaced with {@link #file}. */
  public byte[] metadataBytes() {
    return metadata.toBytes();
  }

  public byte[] toBytes() {
    String module = CoreMetadataText.fileNamePart(name);
    Map<String, byte[]> generated = new LinkedHashMap<>();
    generated.put(module + "/__init__.py", ArchiveFiles.utf8("__version__ = \"" + version + "\"\n"));
    generated.put(distInfo() + "/METADATA", metadata.toBytes());
    generated.put(distInfo() + "/WHEEL", ArchiveFiles.utf8("Wheel-Version: 1.0\nGenerator: nexus-pypi-it\n"
        + "Root-Is-Purelib: true\nTag: " + tag + "\n"));
    Map<String, byte[]> entries = edits.applyTo(generated);
    String record = distInfo() + "/RECORD";
    if (edits.untouched(record)) {
      entries.put(record, record(entries, record));
    }
    return zip(entries);
  }

  /** Writes the wheel into {@code dir} under {@link #fileName()}. */
  public Path writeTo(final Path dir) {
    return ArchiveFiles.write(dir.resolve(fileName()), toBytes());
  }

  private static byte[] record(final Map<String, byte[]> entries, final String recordPath) {
    StringBuilder record = new StringBuilder();
    entries.forEach((path, content) -> record.append(path).append(",sha256=").append(sha256(content)).append(',')
        .append(content.length).append('\n'));
    record.append(recordPath).append(",,\n");
    return ArchiveFiles.utf8(record.toString());
  }

  private static String sha256(final byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static byte[] zip(final Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTime(ENTRY_TIME);
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write a wheel in memory", e);
    }
    return bytes.toByteArray();
  }
}
