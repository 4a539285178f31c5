package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.view.Payload;

import com.google.common.io.ByteStreams;
import org.eclipse.jetty.server.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored file, or a range of it, sent from its file in the blob store. Nexus's response sender opens the payload
 * and hands {@link #copy} Jetty's output stream, which sends the file's kept memory mapping ({@link MappedFiles}) in
 * turn with other downloads ({@link SendGate}), or for a file too large to map, reads it through its pooled direct
 * buffers as it sends static files: the bytes never pass through the Java heap. Any other output gets a plain copy.
 * A file whose mapping is kept is not even opened.
 *
 * The blob's own payload stays the source of truth: when the file is not where the file blob store keeps it (a blob
 * being moved, compacted away) or not of the blob's size, the blob's stream is read instead. A kept mapping is the
 * blob's file as it was mapped; a blob's file is never rewritten, so its bytes are still the blob's.
 */
public final class FileChannelPayload
    implements Payload
{
  private static final Logger log = LoggerFactory.getLogger(FileChannelPayload.class);

  private static final AtomicBoolean TOLD_NO_CHANNEL = new AtomicBoolean();

  // Jetty 9.4's ArrayByteBufferPool keeps buffers up to 64 KiB; a larger one would be allocated for each file.
  private static final int LARGEST_POOLED_BUFFER = 64 * 1024;

  private final Path file;

  private final Payload whole;

  private final MappedFiles mappedFiles;

  private final SendGate sendGate;

  private final long offset;

  private final long length;

  public FileChannelPayload(final Path file, final Payload whole, final MappedFiles mappedFiles,
                            final SendGate sendGate)
  {
    this(file, whole, mappedFiles, sendGate, 0, whole.getSize());
  }

  private FileChannelPayload(final Path file, final Payload whole, final MappedFiles mappedFiles,
                             final SendGate sendGate, final long offset, final long length)
  {
    this.file = file;
    this.whole = whole;
    this.mappedFiles = mappedFiles;
    this.sendGate = sendGate;
    this.offset = offset;
    this.length = length;
  }

  /** The bytes from {@code first} to {@code last}, both included, as a range answer sends them. */
  public FileChannelPayload range(final long first, final long last) {
    return new FileChannelPayload(file, whole, mappedFiles, sendGate, first, last - first + 1);
  }

  /** The size of the whole file, which a range's {@code Content-Range} names. */
  public long wholeSize() {
    return whole.getSize();
  }

  @Override
  public InputStream openInputStream() throws IOException {
    Optional<MappedFiles.Lease> kept = mappedFiles.leaseKept(file, whole.getSize());
    if (kept.isPresent()) {
      return new MappedRange(kept.get(), offset, length);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    }
    catch (NoSuchFileException e) {
      return fromBlob();
    }
    if (channel.size() != whole.getSize()) {
      channel.close();
      return fromBlob();
    }
    return new FileRange(channel, offset, length);
  }

  private InputStream fromBlob() throws IOException {
    InputStream blob = whole.openInputStream();
    try {
      ByteStreams.skipFully(blob, offset);
    }
    catch (IOException e) {
      blob.close();
      throw e;
    }
    return ByteStreams.limit(blob, length);
  }

  @Override
  public void copy(final InputStream input, final OutputStream output) throws IOException {
    if (input instanceof MappedRange && output instanceof HttpOutput) {
      ((MappedRange) input).sendTo((HttpOutput) output, sendGate);
      return;
    }
    if (input instanceof FileRange && output instanceof HttpOutput) {
      HttpOutput http = (HttpOutput) output;
      Optional<MappedFiles.Lease> mapped = mappedFiles.lease(file, ((FileRange) input).channel(), whole.getSize());
      if (mapped.isPresent()) {
        try (MappedRange range = new MappedRange(mapped.get(), offset, length)) {
          range.sendTo(http, sendGate);
        }
        return;
      }
      if (length > http.getBufferSize() && http.getBufferSize() < LARGEST_POOLED_BUFFER) {
        // Jetty reads a channel into one pooled buffer of the output's size and writes it, in turn: its pool's
        // largest buffers halve the reads and writes of a file against Nexus's 32 KiB.
        http.setBufferSize(LARGEST_POOLED_BUFFER);
      }
      http.sendContent((ReadableByteChannel) input);
      return;
    }
    if (!(output instanceof HttpOutput) && TOLD_NO_CHANNEL.compareAndSet(false, true)) {
      log.info("Files are copied through the heap: the servlet output here is a {}, not Jetty's",
          output.getClass().getName());
    }
    ByteStreams.copy(input, output);
  }

  @Override
  public long getSize() {
    return length;
  }

  @Nullable
  @Override
  public String getContentType() {
    return whole.getContentType();
  }

  @Override
  public void close() throws IOException {
    whole.close();
  }
}
