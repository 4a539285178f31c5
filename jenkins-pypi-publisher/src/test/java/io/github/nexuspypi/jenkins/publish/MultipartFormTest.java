package io.github.nexuspypi.jenkins.publish;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MultipartFormTest
{
  @TempDir
  Path dir;

  @Test
  void fieldsThenTheFileAsContentWithTheLengthAnnounced() throws Exception {
    Path file = Files.write(dir.resolve("demo-1.0.tar.gz"), new byte[] {1, 2, 3});
    MultipartForm form = MultipartForm.of(List.of(new SimpleImmutableEntry<>(":action", "file_upload"),
        new SimpleImmutableEntry<>("classifiers", "A :: B"), new SimpleImmutableEntry<>("classifiers", "C :: D")), file);
    String boundary = form.contentType().substring("multipart/form-data; boundary=".length());

    byte[] body = drain(form);

    String expected = "--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"classifiers\"\r\n\r\nA :: B\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"classifiers\"\r\n\r\nC :: D\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"demo-1.0.tar.gz\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\u0003\r\n--" + boundary + "--\r\n";
    assertEquals(expected, new String(body, StandardCharsets.ISO_8859_1));
    assertEquals(body.length, form.body().contentLength());
  }

  private static byte[] drain(final MultipartForm form) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> done = new CompletableFuture<>();
    form.body().subscribe(new Flow.Subscriber<ByteBuffer>()
    {
      @Override
      public void onSubscribe(final Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(final ByteBuffer item) {
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        out.write(bytes, 0, bytes.length);
      }

      @Override
      public void onError(final Throwable throwable) {
        done.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
    return out.toByteArray();
  }
}
