package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.UploadTime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pages written by hand as pypi.org writes them today (warehouse's {@code api/simple} templates and
 * {@code _simple_detail}), with what a parser must put up with: repository version 1.4, a project-status meta,
 * {@code data-dist-info-metadata} beside {@code data-core-metadata} (in JSON too, pypi.org's PEP 714 bug),
 * {@code requires-python: null}, private {@code _last-serial} keys, JSON keys in alphabetical order ({@code meta}
 * after {@code files}), root links as absolute paths and a trailing {@code <!--SERIAL n-->} comment. One deviation:
 * a yank without reason is a bare {@code data-yanked}, as older indexes write it, where pypi.org writes
 * {@code data-yanked=""}; HTML reads both as the empty string.
 */
final class PypiOrgPages
{
  /** A serial of pypi.org's size; nothing reads it but humans. */
  static final long SERIAL = 27_654_321L;

  private static final String API_VERSION = "1.4";

  private static final JsonFactory JSON = new JsonFactory();

  private PypiOrgPages() {
  }

  static void htmlProject(final ProjectPage page, final OutputStream out) throws IOException {
    Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    head("Links for " + page.name(), html);
    html.write("    <meta name=\"pypi:project-status\" content=\"active\">\n");
    html.write("  </head>\n  <body>\n    <h1>Links for " + escape(page.name()) + "</h1>\n");
    for (DistributionLink file : page.files()) {
      html.write("    <a href=\"" + escape(file.url() + "#sha256=" + file.hashes().get("sha256")) + "\"");
      if (file.requiresPython() != null) {
        html.write(" data-requires-python=\"" + escape(file.requiresPython()) + "\"");
      }
      if (file.yank() != null) {
        html.write(file.yank().hasReason() ? " data-yanked=\"" + escape(file.yank().reason()) + "\"" : " data-yanked");
      }
      if (file.coreMetadata() != null) {
        String metadata = escape(file.coreMetadata().toAttribute());
        html.write(" data-dist-info-metadata=\"" + metadata + "\" data-core-metadata=\"" + metadata + "\"");
      }
      html.write(">" + escape(file.filename()) + "</a><br />\n");
    }
    tail(html);
  }

  static void htmlRoot(final List<ProjectListEntry> projects, final OutputStream out) throws IOException {
    Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    head("Simple index", html);
    html.write("  </head>\n  <body>\n");
    for (ProjectListEntry project : projects) {
      html.write("    <a href=\"/simple/" + escape(project.normalizedName()) + "/\">" + escape(project.name())
          + "</a>\n");
    }
    tail(html);
  }

  static void jsonProject(final ProjectPage page, final OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("files");
      for (DistributionLink file : page.files()) {
        json.writeStartObject();
        coreMetadata("core-metadata", file, json);
        coreMetadata("data-dist-info-metadata", file, json);
        json.writeStringField("filename", file.filename());
        json.writeObjectFieldStart("hashes");
        json.writeStringField("sha256", file.hashes().get("sha256"));
        json.writeEndObject();
        json.writeNullField("provenance");
        json.writeStringField("requires-python", file.requiresPython());
        json.writeNumberField("size", file.size());
        if (file.uploadTime() != null) {
          json.writeStringField("upload-time", UploadTime.format(file.uploadTime()));
        }
        json.writeStringField("url", file.url());
        if (file.yank() != null && file.yank().hasReason()) {
          json.writeStringField("yanked", file.yank().reason());
        }
        else {
          json.writeBooleanField("yanked", file.isYanked());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      meta(json);
      json.writeStringField("name", page.name());
      json.writeObjectFieldStart("project-status");
      json.writeStringField("status", "active");
      json.writeEndObject();
      json.writeArrayFieldStart("versions");
      for (String version : page.versions()) {
        json.writeString(version);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  static void jsonRoot(final List<ProjectListEntry> projects, final OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      meta(json);
      json.writeArrayFieldStart("projects");
      for (ProjectListEntry project : projects) {
        json.writeStartObject();
        json.writeNumberField("_last-serial", SERIAL);
        json.writeStringField("name", project.name());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void coreMetadata(final String field, final DistributionLink file, final JsonGenerator json)
      throws IOException
  {
    if (file.coreMetadata() == null) {
      json.writeBooleanField(field, false);
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeStringField("sha256", file.coreMetadata().hashes().get("sha256"));
    json.writeEndObject();
  }

  private static void meta(final JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("meta");
    json.writeNumberField("_last-serial", SERIAL);
    json.writeStringField("api-version", API_VERSION);
    json.writeEndObject();
  }

  private static void head(final String title, final Writer html) throws IOException {
    html.write("<!DOCTYPE html>\n<html>\n  <head>\n");
    html.write("    <meta name=\"pypi:repository-version\" content=\"" + API_VERSION + "\">\n");
    html.write("    <title>" + escape(title) + "</title>\n");
  }

  private static void tail(final Writer html) throws IOException {
    html.write("  </body>\n</html>\n<!--SERIAL " + SERIAL + "-->\n");
    html.flush();
  }

  private static String escape(final String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
