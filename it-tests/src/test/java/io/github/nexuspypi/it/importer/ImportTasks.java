package io.github.nexuspypi.it.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.NexusHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Import tasks through the plugin's REST API: started, run again, and their summaries read. */
public final class ImportTasks
{
  private static final String IMPORTS = "/service/rest/v1/pypi/imports";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** As {@link Eventually}'s own: far above what a test's few files take. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static final Set<String> ENDED = Set.of("done", "failed", "canceled");

  private final NexusHttp http;

  public ImportTasks(final NexusHttp http) {
    this.http = http;
  }

  /** Creates and starts an import task; returns its id. */
  public String start(final String repository, final Map<String, Object> fields) {
    ObjectNode body = JSON.createObjectNode().put("repository", repository);
    fields.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
    HttpResponse<String> started = NexusHttp.expect(http.json("POST", IMPORTS, body.toString()), 202);
    return read(started.body()).path("taskId").asText();
  }

  /** Starts the task again, as {@code Run} in the UI does. */
  void runAgain(final String taskId) {
    NexusHttp.expect(http.json("POST", "/service/rest/v1/tasks/" + taskId + "/run", ""), 204);
  }

  /** The summary of the task's latest run, or null before it has one. */
  JsonNode summary(final String taskId) {
    HttpResponse<String> response = http.get(IMPORTS + "/" + taskId);
    return response.statusCode() == 200 ? read(response.body()) : null;
  }

  /**
   * The summary once a run has ended, with the task's id added as {@code taskId}.
   *
   * @param previousStart the {@code started} of a run before, whose summary does not count, or null
   */
  JsonNode awaitEnd(final String taskId, final String previousStart) {
    return awaitEnd(taskId, previousStart, DEADLINE, Eventually.INTERVAL);
  }

  /**
   * As {@link #awaitEnd(String, String)}, for a run that may take longer than a test's, its summary read every
   * {@code interval}: each reading costs Nexus a check of the password (SHA-512, many rounds), which at 4 a second
   * was 8 % of Nexus's CPU while a benchmark's import ran.
   */
  public JsonNode awaitEnd(final String taskId, final String previousStart, final Duration within,
                    final Duration interval)
  {
    JsonNode summary = Eventually.poll(() -> summary(taskId), node -> node != null
        && ENDED.contains(node.path("state").asText()) && !node.path("started").asText().equals(previousStart),
        within, interval);
    if (summary == null) {
      throw new AssertionError("Import task " + taskId + " has no summary");
    }
    return ((ObjectNode) summary).put("taskId", taskId);
  }

  private static JsonNode read(final String json) {
    try {
      return JSON.readTree(json);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
