package io.github.nexuspypi.it.hosted;

import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads that arrive at once, as a CI matrix sends them: the files of one new release must all be stored in one
 * release, and of several uploads of one file name exactly one wins while the others get the answer that
 * {@code --skip-existing} understands. Never a 5xx.
 */
@NexusTest
class ConcurrentUploadIT
{
  /** What cibuildwheel makes of one release: eight interpreters, two platforms. */
  private static final List<String> MATRIX = matrix();

  private static final int ROUNDS = 5;

  private static final int RACERS = 8;

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String repository;

  private static LegacyUploadClient admin;

  @BeforeAll
  static void createRepository() {
    repository = nexus.uniqueName("pypi-concurrent");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    admin = LegacyUploadClient.to(nexus.http(), repository);
  }

  private static List<String> matrix() {
    List<String> tags = new ArrayList<>();
    for (String python : List.of("cp38", "cp39", "cp310", "cp311", "cp312", "cp313", "pp39", "pp310")) {
      for (String platform : List.of("manylinux_2_17_x86_64", "win_amd64")) {
        tags.add(python + "-" + (python.startsWith("pp") ? "pypy_73" : python) + "-" + platform);
      }
    }
    return tags;
  }

  /** Sends every upload from its own thread, all released at the same moment, and returns the answers in order. */
  private static List<UploadResponse> atOnce(final List<LegacyUpload> uploads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(uploads.size());
    ExecutorService threads = Executors.newFixedThreadPool(uploads.size());
    try {
      List<Future<UploadResponse>> answers = new ArrayList<>();
      for (LegacyUpload upload : uploads) {
        answers.add(threads.submit(() -> {
          start.await();
          return admin.upload(upload);
        }));
      }
      List<UploadResponse> responses = new ArrayList<>();
      for (Future<UploadResponse> answer : answers) {
        try {
          responses.add(answer.get());
        }
        catch (ExecutionException e) {
          throw new AssertionError("An upload failed on the client's side", e.getCause());
        }
      }
      return responses;
    }
    finally {
      threads.shutdownNow();
    }
  }

  private static String describe(final List<UploadResponse> responses) {
    return responses.stream().map(UploadResponse::describe).collect(Collectors.joining("\n---\n"));
  }

  private static JsonNode component(final String name, final String version) {
    return nexus.admin().components(repository).stream()
        .filter(component -> component.path("name").asText().equals(name))
        .filter(component -> component.path("version").asText().equals(version))
        .reduce((first, second) -> {
          throw new AssertionError("two components of " + name + " " + version);
        })
        .orElseThrow(() -> new AssertionError("no component of " + name + " " + version));
  }

  @Test
  void theWheelsOfANewReleaseUploadedAtOnceAreAllStoredInOneRelease() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      String version = "1." + round;
      List<LegacyUpload> uploads = new ArrayList<>();
      for (String tag : MATRIX) {
        uploads.add(LegacyUpload.of(WheelBuilder.of("matrix", version).tag(tag).writeTo(files.resolve("matrix"))));
      }

      List<UploadResponse> responses = atOnce(uploads);

      assertTrue(responses.stream().allMatch(response -> response.status() == 200), () -> describe(responses));
      assertEquals(2 * MATRIX.size(), component("matrix", version).path("assets").size(),
          "every wheel and its .metadata");
    }
  }

  @Test
  void ofUploadsOfOneNameWithOtherBytesOneWinsAndTheOthersAlreadyExist() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      String version = "1." + round;
      List<LegacyUpload> uploads = new ArrayList<>();
      List<String> sha256s = new ArrayList<>();
      for (int racer = 0; racer < RACERS; racer++) {
        WheelBuilder wheel = WheelBuilder.of("race", version);
        wheel.metadata().set("Summary", "built by racer " + racer);
        Path file = wheel.writeTo(files.resolve("race-" + racer));
        uploads.add(LegacyUpload.of(file));
        sha256s.add(sha256(wheel.toBytes()));
      }

      List<UploadResponse> responses = atOnce(uploads);

      List<Integer> winners = new ArrayList<>();
      for (int racer = 0; racer < RACERS; racer++) {
        UploadResponse response = responses.get(racer);
        if (response.status() == 200) {
          winners.add(racer);
        }
        else {
          assertEquals(400, response.status(), () -> describe(responses));
          assertTrue(response.reason().startsWith("File already exists"), () -> describe(responses));
        }
      }
      assertEquals(1, winners.size(), () -> describe(responses));
      String fileName = "race-" + version + "-py3-none-any.whl";
      HttpResponse<byte[]> stored = nexus.anonymous().getBytes("repository/" + repository + "/packages/race/" + version
          + "/" + fileName);
      assertEquals(200, stored.statusCode());
      assertEquals(sha256s.get(winners.get(0)), sha256(stored.body()), "the file is the winner's, whole");
      assertEquals(2, component("race", version).path("assets").size(), "one wheel and its .metadata");
    }
  }

  /**
   * An identical re-upload succeeds without storing anything (a retried job passes), so a race of identical uploads
   * is all successes, with the file stored once.
   */
  @Test
  void uploadsOfTheSameFileAtOnceAllSucceedAndStoreItOnce() throws Exception {
    Path wheel = WheelBuilder.of("same", "1.0").writeTo(files.resolve("same"));
    List<LegacyUpload> uploads = new ArrayList<>();
    for (int racer = 0; racer < RACERS; racer++) {
      uploads.add(LegacyUpload.of(wheel));
    }

    List<UploadResponse> responses = atOnce(uploads);

    assertTrue(responses.stream().allMatch(response -> response.status() == 200), () -> describe(responses));
    assertEquals(2, component("same", "1.0").path("assets").size(), "one wheel and its .metadata");
  }

  private static String sha256(final byte[] content) {
    try {
      return FileDigests.of(new ByteArrayInputStream(content)).sha256();
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
