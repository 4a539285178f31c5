package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.function.IntFunction;

/**
 * A large page produced piece by piece as it is read, which tells how many pieces are still unread: a test can then
 * see that a parser hands over entries while it reads, instead of after swallowing the whole page.
 */
final class LazyText
{
  private final String head;

  private final int count;

  private final IntFunction<String> piece;

  private final String tail;

  private int produced = -1;

  private LazyText(final String head, final int count, final IntFunction<String> piece, final String tail) {
    this.head = head;
    this.count = count;
    this.piece = piece;
    this.tail = tail;
  }

  static LazyText of(final String head, final int count, final IntFunction<String> piece, final String tail) {
    return new LazyText(head, count, piece, tail);
  }

  int remaining() {
    return count - Math.max(produced, 0);
  }

  /** Each piece: head, then {@code count} pieces, then tail. */
  private Enumeration<String> pieces() {
    return new Enumeration<>()
    {
      @Override
      public boolean hasMoreElements() {
        return produced <= count;
      }

      @Override
      public String nextElement() {
        produced++;
        return produced == 0 ? head : produced <= count ? piece.apply(produced - 1) : tail;
      }
    };
  }

  InputStream inputStream() {
    Enumeration<String> pieces = pieces();
    return new SequenceInputStream(new Enumeration<>()
    {
      @Override
      public boolean hasMoreElements() {
        return pieces.hasMoreElements();
      }

      @Override
      public InputStream nextElement() {
        return new ByteArrayInputStream(pieces.nextElement().getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  Reader reader() {
    Enumeration<String> pieces = pieces();
    return new Reader()
    {
      private Reader current = new StringReader("");

      @Override
      public int read(final char[] buffer, final int offset, final int length) throws IOException {
        int read = current.read(buffer, offset, length);
        while (read < 0 && pieces.hasMoreElements()) {
          current = new StringReader(pieces.nextElement());
          read = current.read(buffer, offset, length);
        }
        return read;
      }

      @Override
      public void close() {
      }
    };
  }
}
