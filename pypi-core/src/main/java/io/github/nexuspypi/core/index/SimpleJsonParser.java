package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads PEP 691 JSON pages into the model with Jackson's streaming parser. Unknown keys are skipped, as PEP 691
 * requires of clients; the input is never closed.
 */
public final class SimpleJsonParser
{
  // No value on a simple page comes near a megabyte; a longer one is a broken or hostile upstream.
  private static final int MAX_STRING_LENGTH = 1 << 20;

  private static final int MAX_NESTING_DEPTH = 64;

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .build())
      .build();

  private SimpleJsonParser() {
  }

  /** A project page; relative URLs are resolved against {@code pageUrl} unless it is {@code null}. */
  public static ProjectPage parseProject(final InputStream in, final URI pageUrl) throws IOException {
    PageCollector page = new PageCollector();
    return page.toPage(readProject(in, pageUrl, page));
  }

  /**
   * A project page, each file and version handed to {@code sink} as it is read; the project's name is returned at
   * the end.
   */
  public static String readProject(final InputStream in, final URI pageUrl, final ProjectPageSink sink)
      throws IOException
  {
    ProjectFields project = new ProjectFields(pageUrl, sink);
    readPage(in, project);
    if (project.name == null) {
      throw new IndexFormatException("The JSON index page lacks the project's 'name' (PEP 691)");
    }
    return project.name;
  }

  /** The root page; each project goes to {@code sink} as it is read, so a large index is never held in memory. */
  public static void parseIndex(final InputStream in, final Consumer<ProjectListEntry> sink) throws IOException {
    readPage(in, (field, json) -> {
      if (field.equals("projects")) {
        array(json, field, () -> project(json, sink));
      }
      else {
        json.skipChildren();
      }
    });
  }

  /** The root page, pulled: each {@link ProjectListReader#next()} reads up to the next project. */
  public static ProjectListReader openIndex(final InputStream in) throws IOException {
    return new PulledIndex(in);
  }

  private static final class PulledIndex
      implements ProjectListReader
  {
    private final JsonParser json;

    private boolean inProjects;

    private PulledIndex(final InputStream in) throws IOException {
      json = JSON.createParser(in);
      try {
        json.nextToken();
        JsonLinkReader.requireObject(json, "the page");
      }
      catch (JsonProcessingException e) {
        throw malformed(e);
      }
    }

    @Override
    public ProjectListEntry next() throws IOException {
      try {
        while (true) {
          if (inProjects) {
            if (json.nextToken() == JsonToken.END_ARRAY) {
              inProjects = false;
              continue;
            }
            ProjectListEntry[] read = new ProjectListEntry[1];
            project(json, entry -> read[0] = entry);
            if (read[0] != null) {
              return read[0];
            }
            continue;
          }
          if (json.nextToken() != JsonToken.FIELD_NAME) {
            return null;
          }
          String field = json.currentName();
          json.nextToken();
          if (field.equals("meta")) {
            meta(json);
          }
          else if (field.equals("projects")) {
            if (json.currentToken() != JsonToken.START_ARRAY) {
              throw new IndexFormatException("'projects' on the JSON index page should be a list, found "
                  + json.currentToken());
            }
            inProjects = true;
          }
          else {
            json.skipChildren();
          }
        }
      }
      catch (JsonProcessingException e) {
        throw malformed(e);
      }
    }

    @Override
    public void close() throws IOException {
      json.close();
    }
  }

  private static IndexFormatException malformed(final JsonProcessingException e) {
    return new IndexFormatException("The JSON index page is malformed: " + e.getOriginalMessage(), e);
  }

  /** Reads the top-level keys of a page other than {@code meta}; the parser stands on the key's value. */
  private interface Fields
  {
    void read(String field, JsonParser json) throws IOException;
  }

  private static final class ProjectFields
      implements Fields
  {
    private final URI pageUrl;

    private final ProjectPageSink sink;

    private String name;

    private ProjectFields(final URI pageUrl, final ProjectPageSink sink) {
      this.pageUrl = pageUrl;
      this.sink = sink;
    }

    @Override
    public void read(final String field, final JsonParser json) throws IOException {
      switch (field) {
        case "name" -> name = JsonLinkReader.requiredText(json, field);
        case "files" -> array(json, field, () -> sink.file(JsonLinkReader.file(json, pageUrl)));
        case "versions" -> array(json, field, () -> addVersion(json, sink));
        default -> json.skipChildren();
      }
    }
  }

  private static void readPage(final InputStream in, final Fields fields) throws IOException {
    try (JsonParser json = JSON.createParser(in)) {
      json.nextToken();
      JsonLinkReader.requireObject(json, "the page");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("meta")) {
          meta(json);
        }
        else {
          fields.read(field, json);
        }
      }
    }
    catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private interface Element
  {
    void read() throws IOException;
  }

  /** Calls {@code element} with the parser on each element's first token. */
  private static void array(final JsonParser json, final String field, final Element element) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw new IndexFormatException("'" + field + "' on the JSON index page should be a list, found "
          + json.currentToken());
    }
    while (json.nextToken() != JsonToken.END_ARRAY) {
      element.read();
    }
  }

  private static void meta(final JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return;
    }
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      if (field.equals("api-version")) {
        RepositoryVersion.check(JsonLinkReader.optionalText(json));
      }
      else {
        json.skipChildren();
      }
    }
  }

  private static void project(final JsonParser json, final Consumer<ProjectListEntry> sink) throws IOException {
    JsonLinkReader.requireObject(json, "an entry of 'projects'");
    String name = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      if (field.equals("name")) {
        name = JsonLinkReader.requiredText(json, field);
      }
      else {
        json.skipChildren();
      }
    }
    if (name != null && !name.isBlank()) {
      sink.accept(new ProjectListEntry(name.strip()));
    }
  }

  private static void addVersion(final JsonParser json, final ProjectPageSink sink) throws IOException {
    String version = JsonLinkReader.optionalText(json);
    if (version != null) {
      sink.version(version);
    }
  }
}
