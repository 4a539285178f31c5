package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * Writes PEP 691 JSON pages (API 1.1, PEP 700) with Jackson's streaming generator, so that the root page of a large
 * index is never held in memory. The output is flushed, never closed.
 */
public final class SimpleJsonWriter
{
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private SimpleJsonWriter() {
  }

  public static void writeProject(final ProjectPage page, final OutputStream out) throws IOException {
    try (ProjectPageWriter writer = ProjectPageWriter.json(out, page.name())) {
      for (DistributionLink file : page.files()) {
        writer.file(file);
      }
      for (String version : page.versions()) {
        writer.version(version);
      }
    }
  }

  public static void writeIndex(final Iterator<ProjectListEntry> projects, final OutputStream out)
      throws IOException
  {
    try (ProjectListWriter list = projectList(out)) {
      list.addAll(projects);
    }
  }

  static ProjectListWriter projectList(final OutputStream out) throws IOException {
    JsonGenerator json = generator(out);
    json.writeStartObject();
    meta(RepositoryVersion.CURRENT, json);
    json.writeArrayFieldStart("projects");
    return new ProjectListWriter()
    {
      @Override
      public void add(final ProjectListEntry project) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", project.name());
        json.writeEndObject();
      }

      @Override
      public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
      }
    };
  }

  static JsonGenerator generator(final OutputStream out) throws IOException {
    return JSON.createGenerator(out, JsonEncoding.UTF8);
  }

  static void meta(final String apiVersion, final JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("meta");
    json.writeStringField("api-version", apiVersion);
    json.writeEndObject();
  }

  static void file(final DistributionLink file, final JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("filename", file.filename());
    json.writeStringField("url", file.url());
    hashes("hashes", file.hashes(), json);
    if (file.requiresPython() != null) {
      json.writeStringField("requires-python", file.requiresPython());
    }
    writeCoreMetadata(file.coreMetadata(), json);
    if (file.gpgSig() != null) {
      json.writeBooleanField("gpg-sig", file.gpgSig());
    }
    if (file.yank() != null && file.yank().hasReason()) {
      json.writeStringField("yanked", file.yank().reason());
    }
    else {
      json.writeBooleanField("yanked", file.yank() != null);
    }
    if (file.size() != null) {
      json.writeNumberField("size", file.size());
    }
    if (file.uploadTime() != null) {
      json.writeStringField("upload-time", UploadTime.format(file.uploadTime()));
    }
    json.writeEndObject();
  }

  /**
   * The PEP 714 {@code core-metadata} field: {@code false}, {@code true} or the metadata file's hashes. Never under
   * PEP 691's first name {@code dist-info-metadata}: pip 22.3 to 23.1 crash on that key in JSON. The Warehouse JSON
   * API writes the same field.
   */
  public static void writeCoreMetadata(final CoreMetadataRef coreMetadata, final JsonGenerator json)
      throws IOException
  {
    if (coreMetadata == null || coreMetadata.hashes().isEmpty()) {
      json.writeBooleanField("core-metadata", coreMetadata != null);
    }
    else {
      hashes("core-metadata", coreMetadata.hashes(), json);
    }
  }

  private static void hashes(final String field, final Map<String, String> hashes, final JsonGenerator json)
      throws IOException
  {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> hash : hashes.entrySet()) {
      json.writeStringField(hash.getKey(), hash.getValue());
    }
    json.writeEndObject();
  }
}
