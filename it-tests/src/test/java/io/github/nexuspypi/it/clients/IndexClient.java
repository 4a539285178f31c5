package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.it.nexus.NexusHttp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository's simple index read as pip reads it, anonymously: pages fetched in HTML (PEP 503) or JSON (PEP 691)
 * and parsed with pypi-core's parsers, their links resolved against the page's URL.
 */
public final class IndexClient
{
  public static final String HTML = "text/html";

  public static final String JSON = "application/vnd.pypi.simple.v1+json";

  private final NexusHttp http;

  private final String repositoryPath;

  public IndexClient(final NexusHttp http, final String repository) {
    this.http = http;
    this.repositoryPath = "repository/" + repository + "/";
  }

  /** {@code <repository>/simple/}, the URL users give pip as {@code --index-url}. */
  public URI simpleUri() {
    return http.resolve(repositoryPath + "simple/");
  }

  /** A path in the repository, e.g. {@code pypi/six/json}. */
  public URI uri(final String path) {
    return http.resolve(repositoryPath + path);
  }

  public ProjectPage page(final String normalizedProject, final String mediaType) {
    URI url = uri("simple/" + normalizedProject + "/");
    HttpResponse<byte[]> response = get(url, "Accept", mediaType);
    assertEquals(200, response.statusCode(), () -> "GET " + url + " as " + mediaType);
    assertMediaType(mediaType, response);
    try {
      return mediaType.equals(JSON)
          ? SimpleJsonParser.parseProject(new ByteArrayInputStream(response.body()), url)
          : SimpleHtmlParser.parseProject(new StringReader(new String(response.body(), StandardCharsets.UTF_8)), url);
    }
    catch (IOException e) {
      throw new AssertionError("The page at " + url + " does not parse as " + mediaType + ": " + e.getMessage(), e);
    }
  }

  /** The normalised names of the projects on the root page. */
  public Set<String> projects(final String mediaType) {
    URI url = simpleUri();
    HttpResponse<byte[]> response = get(url, "Accept", mediaType);
    assertEquals(200, response.statusCode(), () -> "GET " + url + " as " + mediaType);
    assertMediaType(mediaType, response);
    Set<String> names = new TreeSet<>();
    try {
      if (mediaType.equals(JSON)) {
        SimpleJsonParser.parseIndex(new ByteArrayInputStream(response.body()),
            entry -> names.add(entry.normalizedName()));
      }
      else {
        SimpleHtmlParser.parseIndex(new StringReader(new String(response.body(), StandardCharsets.UTF_8)),
            (ProjectListEntry entry) -> names.add(entry.normalizedName()));
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("The root page does not parse as " + mediaType, e);
    }
    return names;
  }

  /** The body of a file the index links to, which must be there. */
  public byte[] download(final String url) {
    HttpResponse<byte[]> response = get(URI.create(url));
    assertEquals(200, response.statusCode(), () -> "GET " + url);
    return response.body();
  }

  /** Where the project's page (JSON) links a file to, resolved against the page as pip resolves it. */
  public URI fileUri(final String normalizedProject, final String filename) {
    return page(normalizedProject, JSON).files().stream()
        .filter(file -> file.filename().equals(filename))
        .map(file -> URI.create(file.url()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(filename + " is not on the page of " + normalizedProject));
  }

  /** An anonymous GET with these header names and values, redirects not followed. */
  public HttpResponse<byte[]> get(final URI url, final String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), BodyHandlers.ofByteArray());
  }

  private static void assertMediaType(final String expected, final HttpResponse<byte[]> response) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(contentType.startsWith(expected), () -> "Content-Type " + contentType + " for " + expected);
  }
}
