package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.OutputStream;

import io.github.nexuspypi.core.name.ProjectName;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a PEP 691 project page whose API version is only known at its end: 1.1 claims a size for every file
 * (PEP 700), so the {@code meta} that leads the page waits for the last file. Files and versions are written as
 * they come into spools of their own, which the page's frame then takes in order.
 */
final class JsonProjectWriter
    implements ProjectPageWriter
{
  private final OutputStream out;

  private final String name;

  private final Spool files;

  private final Spool versions;

  private final JsonGenerator filesJson;

  private final JsonGenerator versionsJson;

  private boolean allSizesKnown = true;

  JsonProjectWriter(final OutputStream out, final String name, final Spool files, final Spool versions)
      throws IOException
  {
    this.out = out;
    this.name = name;
    this.files = files;
    this.versions = versions;
    this.filesJson = SimpleJsonWriter.generator(files.output());
    this.versionsJson = SimpleJsonWriter.generator(versions.output());
    filesJson.writeStartArray();
    versionsJson.writeStartArray();
  }

  @Override
  public void file(final DistributionLink file) throws IOException {
    allSizesKnown &= file.size() != null;
    SimpleJsonWriter.file(file, filesJson);
  }

  @Override
  public void version(final String version) throws IOException {
    versionsJson.writeString(version);
  }

  @Override
  public void close() throws IOException {
    try {
      end(filesJson, files);
      end(versionsJson, versions);
      try (JsonGenerator json = SimpleJsonWriter.generator(out)) {
        json.writeStartObject();
        SimpleJsonWriter.meta(allSizesKnown ? RepositoryVersion.CURRENT : RepositoryVersion.BASE, json);
        json.writeStringField("name", ProjectName.normalize(name));
        insert("files", files, json);
        insert("versions", versions, json);
        json.writeEndObject();
      }
    }
    finally {
      try {
        files.close();
      }
      finally {
        versions.close();
      }
    }
  }

  private static void end(final JsonGenerator json, final Spool spool) throws IOException {
    json.writeEndArray();
    json.close();
    spool.output().close();
  }

  /** The spooled array as the field's value: the generator writes the separators, the spool the value. */
  private void insert(final String field, final Spool spool, final JsonGenerator json) throws IOException {
    json.writeFieldName(field);
    json.writeRawValue("");
    json.flush();
    spool.copyTo(out);
  }
}
