package io.github.nexuspypi.it.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end of a log, read without loading a log of any size whole. */
public final class LogTail
{
  private LogTail() {
  }

  /** At most the last {@code maxBytes} of the file, decoded as UTF-8; empty when there is no such file. */
  public static String lastBytes(final Path file, final int maxBytes) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - maxBytes);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public static String lastLines(final Path file, final int lines) {
    return lastLines(lastBytes(file, lines * 400), lines);
  }

  public static String lastLines(final String text, final int lines) {
    int cut = text.endsWith("\n") ? text.length() - 1 : text.length();
    for (int i = 0; i < lines; i++) {
      cut = text.lastIndexOf('\n', cut - 1);
      if (cut < 0) {
        return text;
      }
    }
    return text.substring(cut + 1);
  }
}
