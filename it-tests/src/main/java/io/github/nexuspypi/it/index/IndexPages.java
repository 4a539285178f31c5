package io.github.nexuspypi.it.index;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.it.nexus.NexusApiException;
import io.github.nexuspypi.it.nexus.NexusHttp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A repository's simple index as a client reads it, parsed with pypi-core's parsers: a project page in HTML
 * (PEP 503) or JSON (PEP 691), and the names on the root page.
 */
public final class IndexPages
{
  public static final String HTML = "text/html";

  public static final String JSON = "application/vnd.pypi.simple.v1+json";

  private final NexusHttp http;

  private final String repository;

  /** Pages of {@code repository}, read with {@code http}'s credentials. */
  public IndexPages(final NexusHttp http, final String repository) {
    this.http = http;
    this.repository = repository;
  }

  /** {@code /simple/<project>/} in HTML; a page that is not there is a {@link NexusApiException}. */
  public ProjectPage html(final String project) {
    HttpResponse<String> page = get(projectPath(project), HTML);
    try {
      return SimpleHtmlParser.parseProject(new StringReader(page.body()), page.uri());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + page.uri(), e);
    }
  }

  /** {@code /simple/<project>/} in JSON, which also lists the project's {@code versions}. */
  public ProjectPage json(final String project) {
    HttpResponse<String> page = get(projectPath(project), JSON);
    try {
      return SimpleJsonParser.parseProject(bytes(page), page.uri());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + page.uri(), e);
    }
  }

  /** The project page asked for as {@link #HTML} or {@link #JSON}. */
  public ProjectPage page(final String project, final String mediaType) {
    return JSON.equals(mediaType) ? json(project) : html(project);
  }

  public URI projectUri(final String project) {
    return http.resolve(projectPath(project));
  }

  /** Where the project's page (JSON) links a file to, resolved against the page as pip resolves it. */
  public URI fileUri(final String project, final String filename) {
    return URI.create(link(project, filename, JSON).url());
  }

  /** The file as the project's page in {@link #HTML} or {@link #JSON} shows it, its URL resolved. */
  public DistributionLink link(final String project, final String filename, final String mediaType) {
    return page(project, mediaType).files().stream()
        .filter(file -> file.filename().equals(filename))
        .findFirst()
        .orElseThrow(() -> new AssertionError(filename + " is not on the " + mediaType + " page of " + project));
  }

  /** The status of {@code /simple/<project>/}: 200, or 404 for a project the repository does not hold. */
  public int status(final String project) {
    return http.send(http.request(projectPath(project)).header("Accept", HTML).GET().build(),
        BodyHandlers.discarding()).statusCode();
  }

  /** The project names the root page {@code /simple/} lists, in HTML and in JSON, which must agree. */
  public List<String> projects() {
    List<String> html = new ArrayList<>();
    List<String> json = new ArrayList<>();
    try {
      SimpleHtmlParser.parseIndex(new StringReader(get(rootPath(), HTML).body()),
          entry -> html.add(entry.normalizedName()));
      SimpleJsonParser.parseIndex(bytes(get(rootPath(), JSON)), entry -> json.add(entry.normalizedName()));
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + rootPath(), e);
    }
    if (!html.equals(json)) {
      throw new AssertionError("The root page's HTML lists " + html + " but its JSON " + json);
    }
    return html;
  }

  private HttpResponse<String> get(final String path, final String accept) {
    HttpResponse<String> page = NexusHttp.expect(http.send(http.request(path).header("Accept", accept).GET().build(),
        BodyHandlers.ofString()), 200);
    // Clients drop a page of another type than they asked for (pip's "_NotAPIContent"), as if there were none.
    String type = page.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith(accept)) {
      throw new AssertionError(page.uri() + " asked for as " + accept + " came as '" + type + "'");
    }
    return page;
  }

  private String rootPath() {
    return "repository/" + repository + "/simple/";
  }

  private String projectPath(final String project) {
    return rootPath() + project + "/";
  }

  private static ByteArrayInputStream bytes(final HttpResponse<String> page) {
    return new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8));
  }
}
