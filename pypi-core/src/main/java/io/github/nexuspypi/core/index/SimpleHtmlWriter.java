package io.github.nexuspypi.core.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import io.github.nexuspypi.core.name.ProjectName;

/**
 * Writes PEP 503 HTML pages as pypi.org lays them out, with the attributes of PEP 592/629/658/714. Writing goes
 * straight to the output: the root page of a large index is never built as a string. The writers flush but never
 * close what they are given.
 */
public final class SimpleHtmlWriter
{
  private SimpleHtmlWriter() {
  }

  public static void writeProject(final ProjectPage page, final OutputStream out) throws IOException {
    writeProject(page, utf8(out));
  }

  public static void writeProject(final ProjectPage page, final Writer out) throws IOException {
    try (ProjectPageWriter writer = projectPage(out, page.name())) {
      for (DistributionLink file : page.files()) {
        writer.file(file);
      }
    }
  }

  static ProjectPageWriter projectPage(final Writer out, final String name) throws IOException {
    String title = "Links for " + ProjectName.normalize(name);
    head(title, out);
    out.write("    <h1>");
    HtmlEntities.escape(title, out);
    out.write("</h1>\n");
    return new ProjectPageWriter()
    {
      @Override
      public void file(final DistributionLink file) throws IOException {
        link(file, out);
      }

      @Override
      public void version(final String version) {
        // PEP 503 has no place for versions.
      }

      @Override
      public void close() throws IOException {
        tail(out);
      }
    };
  }

  /**
   * The root page, one anchor per project, its text the display name. Each href is the normalised name + {@code /},
   * relative to the root page itself: the root lives at {@code <base>/simple/}, so the link reaches
   * {@code <base>/simple/<name>/} whatever path or host the repository is served under.
   */
  public static void writeIndex(final Iterator<ProjectListEntry> projects, final OutputStream out)
      throws IOException
  {
    writeIndex(projects, utf8(out));
  }

  public static void writeIndex(final Iterator<ProjectListEntry> projects, final Writer out) throws IOException {
    try (ProjectListWriter list = projectList(out)) {
      list.addAll(projects);
    }
  }

  static ProjectListWriter projectList(final Writer out) throws IOException {
    head("Simple index", out);
    return new ProjectListWriter()
    {
      @Override
      public void add(final ProjectListEntry project) throws IOException {
        out.write("    <a href=\"");
        HtmlEntities.escape(project.normalizedName() + "/", out);
        out.write("\">");
        HtmlEntities.escape(project.name(), out);
        out.write("</a>\n");
      }

      @Override
      public void close() throws IOException {
        tail(out);
      }
    };
  }

  private static void link(final DistributionLink file, final Writer out) throws IOException {
    Map.Entry<String, String> hash = HashPreference.preferred(file.hashes());
    out.write("    <a href=\"");
    boolean fragmentFree = hash != null && file.url().indexOf('#') < 0;
    HtmlEntities.escape(fragmentFree ? file.url() + "#" + hash.getKey() + "=" + hash.getValue() : file.url(), out);
    out.write('"');
    if (file.requiresPython() != null) {
      attribute("data-requires-python", file.requiresPython(), out);
    }
    if (file.yank() != null) {
      attribute("data-yanked", file.yank().reason(), out);
    }
    if (file.coreMetadata() != null) {
      // PEP 714's name, and PEP 658's for pip before 23.2, which knows only that one.
      attribute("data-core-metadata", file.coreMetadata().toAttribute(), out);
      attribute("data-dist-info-metadata", file.coreMetadata().toAttribute(), out);
    }
    if (file.gpgSig() != null) {
      attribute("data-gpg-sig", file.gpgSig().toString(), out);
    }
    out.write('>');
    HtmlEntities.escape(file.filename(), out);
    out.write("</a><br />\n");
  }

  private static void attribute(final String name, final String value, final Writer out) throws IOException {
    out.write(' ');
    out.write(name);
    out.write("=\"");
    HtmlEntities.escape(value, out);
    out.write('"');
  }

  private static void head(final String title, final Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html>\n  <head>\n");
    out.write("    <meta name=\"pypi:repository-version\" content=\"" + RepositoryVersion.CURRENT + "\">\n");
    out.write("    <title>");
    HtmlEntities.escape(title, out);
    out.write("</title>\n  </head>\n  <body>\n");
  }

  private static void tail(final Writer out) throws IOException {
    out.write("  </body>\n</html>\n");
    out.flush();
  }

  private static Writer utf8(final OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }
}
