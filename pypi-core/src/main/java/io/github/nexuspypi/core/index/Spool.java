package io.github.nexuspypi.core.index;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes written now and copied out later, once: in memory, or in a temporary file deleted on close. */
abstract class Spool
    implements Closeable
{
  /** Where the bytes go; closing it is the caller's. */
  abstract OutputStream output();

  /** Copies everything written, once the output is closed. */
  abstract void copyTo(OutputStream out) throws IOException;

  static Spool inMemory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new Spool()
    {
      @Override
      OutputStream output() {
        return bytes;
      }

      @Override
      void copyTo(final OutputStream out) throws IOException {
        bytes.writeTo(out);
      }

      @Override
      public void close() {
      }
    };
  }

  static Spool inFile(final Path directory) throws IOException {
    Path file = Files.createTempFile(directory, "pypi-page-", ".part");
    OutputStream output;
    try {
      output = new BufferedOutputStream(Files.newOutputStream(file));
    }
    catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Spool()
    {
      @Override
      OutputStream output() {
        return output;
      }

      @Override
      void copyTo(final OutputStream out) throws IOException {
        Files.copy(file, out);
      }

      @Override
      public void close() throws IOException {
        try {
          output.close();
        }
        finally {
          Files.deleteIfExists(file);
        }
      }
    };
  }
}
