package io.github.nexuspypi.it.clients;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a test knows of a distribution file on its disk: its bytes' digest and its own core metadata, read here with
 * the JDK rather than with pypi-core, so that what the index serves is compared with an independent reading.
 *
 * @param metadata the wheel's {@code .dist-info/METADATA} or the sdist's {@code PKG-INFO}, byte for byte
 */
public record LocalDistribution(Path path, String sha256, long size, byte[] metadata)
{
  private static final Pattern WHEEL_METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA");

  private static final Pattern SDIST_PKG_INFO = Pattern.compile("[^/]+/PKG-INFO");

  public static LocalDistribution of(final Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      byte[] metadata = isWheel(file) ? wheelMetadata(file) : sdistPkgInfo(bytes);
      return new LocalDistribution(file, sha256(bytes), bytes.length, metadata);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public static String sha256(final byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  public String filename() {
    return path.getFileName().toString();
  }

  public boolean isWheel() {
    return isWheel(path);
  }

  public byte[] bytes() {
    try {
      return Files.readAllBytes(path);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  public String metadataSha256() {
    return sha256(metadata);
  }

  /** Every value of a header field of the metadata, in order; continuation lines are not used by these files. */
  public List<String> field(final String name) {
    List<String> values = new ArrayList<>();
    for (String line : headers().split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        values.add(line.substring(colon + 2).strip());
      }
    }
    return values;
  }

  public Optional<String> first(final String name) {
    return field(name).stream().findFirst();
  }

  /** The long description: metadata 2.1 puts it after the headers' blank line. */
  public String description() {
    String text = text();
    int end = text.indexOf("\n\n");
    return end < 0 ? "" : text.substring(end + 2);
  }

  private String headers() {
    String text = text();
    int end = text.indexOf("\n\n");
    return end < 0 ? text : text.substring(0, end);
  }

  private String text() {
    return new String(metadata, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static boolean isWheel(final Path file) {
    return file.getFileName().toString().endsWith(".whl");
  }

  private static byte[] wheelMetadata(final Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<? extends ZipEntry> found = zip.stream().filter(entry -> WHEEL_METADATA.matcher(entry.getName()).matches())
          .toList();
      if (found.size() != 1) {
        throw new IllegalStateException(file + " has " + found.size() + " .dist-info/METADATA files");
      }
      try (InputStream in = zip.getInputStream(found.get(0))) {
        return in.readAllBytes();
      }
    }
  }

  private static byte[] sdistPkgInfo(final byte[] bytes) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (SDIST_PKG_INFO.matcher(entry.getName()).matches()) {
          return tar.readAllBytes();
        }
      }
    }
    throw new IllegalStateException("The sdist has no PKG-INFO in its top folder");
  }
}
