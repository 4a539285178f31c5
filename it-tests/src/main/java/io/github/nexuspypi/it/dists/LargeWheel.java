package io.github.nexuspypi.it.dists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A valid pure-Python wheel of any size, written straight to disk where {@link WheelBuilder} works in memory: one
 * data file of pseudo-random bytes, stored uncompressed so that the wheel is as large as asked, then METADATA, WHEEL
 * and RECORD. The payload is generated twice from its seed, once for the CRC and digest that a stored entry and
 * RECORD need before its bytes, once to write them, so that it is never held in memory.
 */
public final class LargeWheel
{
  private static final int CHUNK = 1 << 20;

  private LargeWheel() {
  }

  /** Writes {@code dir/<name>-<version>-py3-none-any.whl} with a payload of this many bytes; returns its path. */
  public static Path write(final Path dir, final String name, final String version, final long payloadBytes,
                           final long seed)
  {
    String prefix = CoreMetadataText.fileNamePart(name) + "-" + version;
    Path wheel = dir.resolve(prefix + "-py3-none-any.whl");
    String payloadName = CoreMetadataText.fileNamePart(name) + "/payload.bin";
    String distInfo = prefix + ".dist-info/";
    try {
      CRC32 crc = new CRC32();
      MessageDigest sha256 = sha256();
      try (OutputStream sink = new DigestOutputStream(new CheckedOutputStream(OutputStream.nullOutputStream(), crc),
          sha256)) {
        writePayload(sink, payloadBytes, seed);
      }
      StringBuilder record = new StringBuilder(recordLine(payloadName, sha256.digest(), payloadBytes));
      Files.createDirectories(dir);
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
        ZipEntry payload = new ZipEntry(payloadName);
        payload.setTime(WheelBuilder.ENTRY_TIME);
        payload.setMethod(ZipEntry.STORED);
        payload.setSize(payloadBytes);
        payload.setCrc(crc.getValue());
        zip.putNextEntry(payload);
        writePayload(zip, payloadBytes, seed);
        zip.closeEntry();
        record.append(small(zip, distInfo + "METADATA", CoreMetadataText.of(name, version).toBytes()));
        record.append(small(zip, distInfo + "WHEEL", ArchiveFiles.utf8("Wheel-Version: 1.0\n"
            + "Generator: nexus-pypi-it\nRoot-Is-Purelib: true\nTag: py3-none-any\n")));
        record.append(distInfo).append("RECORD,,\n");
        small(zip, distInfo + "RECORD", ArchiveFiles.utf8(record.toString()));
      }
      return wheel;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + wheel, e);
    }
  }

  private static void writePayload(final OutputStream out, final long length, final long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    for (long left = length; left > 0; left -= chunk.limit()) {
      chunk.clear();
      while (chunk.remaining() >= Long.BYTES) {
        chunk.putLong(random.nextLong());
      }
      chunk.flip().limit((int) Math.min(CHUNK, left));
      out.write(chunk.array(), 0, chunk.limit());
    }
  }

  /** Adds a small, compressed entry and returns its RECORD line. */
  private static String small(final ZipOutputStream zip, final String name, final byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(WheelBuilder.ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
    return recordLine(name, sha256().digest(bytes), bytes.length);
  }

  private static String recordLine(final String name, final byte[] sha256, final long size) {
    return name + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256) + "," + size + "\n";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
