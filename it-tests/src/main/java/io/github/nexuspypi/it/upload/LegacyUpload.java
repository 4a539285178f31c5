package io.github.nexuspypi.it.upload;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.hash.FileDigests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of the legacy upload API as twine sends it: the form fields in twine's order, then the file as the
 * {@code content} part. Every field can be changed, repeated or left out, and the file part can carry other bytes,
 * another file name, or be left out, so that tests can send what no well-behaved client would.
 */
public final class LegacyUpload
{
  /** The form field of the file part. */
  public static final String FILE_FIELD = "content";

  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  private Path file;

  private String fileName;

  private LegacyUpload(final Path file, final String fileName) {
    this.file = file;
    this.fileName = fileName;
  }

  /**
   * The upload twine makes of a distribution file: {@code :action}, {@code protocol_version}, the metadata fields
   * the server checks (name and version as the file name writes them, filetype, pyversion) and all three digests,
   * read from the file a buffer at a time.
   */
  public static LegacyUpload of(final Path distribution) {
    String fileName = distribution.getFileName().toString();
    DistributionFilename parsed = parse(fileName);
    FileDigests digests = digests(distribution);
    return new LegacyUpload(distribution, fileName)
        .set(":action", "file_upload")
        .set("protocol_version", "1")
        .set("metadata_version", "2.1")
        .set("name", parsed.distribution())
        .set("version", parsed.version())
        .set("filetype", parsed.packageType().formValue())
        .set("pyversion", parsed instanceof WheelFilename wheel ? String.join(".", wheel.pythonTags()) : "source")
        .set("md5_digest", digests.md5())
        .set("sha256_digest", digests.sha256())
        .set("blake2_256_digest", digests.blake2b256());
  }

  /** Replaces every value of a field, or adds it at the end. */
  public LegacyUpload set(final String name, final String value) {
    int at = indexOf(name);
    remove(name);
    fields.add(at < 0 ? fields.size() : at, Map.entry(name, value));
    return this;
  }

  /** Adds one more value, as twine does for repeated fields such as {@code classifiers}. */
  public LegacyUpload add(final String name, final String value) {
    fields.add(Map.entry(name, value));
    return this;
  }

  public LegacyUpload remove(final String name) {
    fields.removeIf(field -> field.getKey().equals(name));
    return this;
  }

  /** Sends these bytes as the file, under the same file name and with the digests of the original. */
  public LegacyUpload content(final Path otherFile) {
    this.file = otherFile;
    return this;
  }

  /** The {@code filename} of the file part, which may be anything, a path included. */
  public LegacyUpload fileName(final String name) {
    this.fileName = name;
    return this;
  }

  /** No file part at all. */
  public LegacyUpload withoutFile() {
    this.file = null;
    return this;
  }

  public List<Map.Entry<String, String>> fields() {
    return List.copyOf(fields);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public String fileName() {
    return fileName;
  }

  private int indexOf(final String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getKey().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static DistributionFilename parse(final String fileName) {
    try {
      return DistributionFilename.parse(fileName);
    }
    catch (InvalidFilenameException e) {
      throw new IllegalArgumentException("Not a distribution file name: " + fileName
          + "; start from a valid file and send it under another name with fileName(...)", e);
    }
  }

  private static FileDigests digests(final Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return FileDigests.of(in);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
