package io.github.nexuspypi.it.nexus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nexus's ExtDirect endpoint ({@code POST /service/extdirect}), through which the admin UI's ExtJS pages read and
 * write: one remote call per request, as {@code {action, method, data: [arguments], type: "rpc", tid}}.
 */
public final class ExtDirect
{
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NexusHttp http;

  private final AtomicInteger transactions = new AtomicInteger();

  public ExtDirect(final NexusHttp http) {
    this.http = http;
  }

  /** The call's {@code result}: {@code success} and {@code data}, or {@code success: false} and Nexus's message. */
  public JsonNode result(final String action, final String method, final JsonNode... arguments) {
    ObjectNode request = JSON.createObjectNode()
        .put("action", action)
        .put("method", method)
        .put("type", "rpc")
        .put("tid", transactions.incrementAndGet());
    if (arguments.length == 0) {
      request.putNull("data");
    }
    else {
      ArrayNode data = request.putArray("data");
      for (JsonNode argument : arguments) {
        data.add(argument);
      }
    }
    HttpResponse<String> response = NexusHttp.expect(http.json("POST", "service/extdirect", request.toString()), 200);
    JsonNode answer = parse(response);
    if (!"rpc".equals(answer.path("type").asText()) || !answer.has("result")) {
      throw new NexusApiException("ExtDirect " + action + "." + method + " (not a result)", 200, response.body());
    }
    return answer.get("result");
  }

  /** The {@code data} of a successful call; a failed call is a {@link NexusApiException} with Nexus's answer. */
  public JsonNode data(final String action, final String method, final JsonNode... arguments) {
    JsonNode result = result(action, method, arguments);
    if (!result.path("success").asBoolean()) {
      throw new NexusApiException("ExtDirect " + action + "." + method + " (success: false)", 200,
          result.toString());
    }
    return result.get("data");
  }

  private static JsonNode parse(final HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    }
    catch (JsonProcessingException e) {
      throw new NexusApiException("ExtDirect (body is not JSON)", response.statusCode(), response.body());
    }
  }
}
