package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlWriter;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Who writes a {@link FakeIndex}'s pages. */
public enum PageStyle
{
  /** pypi-core's writers, as this repository's hosted pages are written (API 1.1). */
  PYPI_CORE(SimpleHtmlWriter::writeProject, SimpleJsonWriter::writeProject,
      (projects, out) -> SimpleHtmlWriter.writeIndex(projects.iterator(), out),
      (projects, out) -> SimpleJsonWriter.writeIndex(projects.iterator(), out)),

  /** Written by hand with pypi.org's quirks: see {@link PypiOrgPages}. */
  PYPI_ORG(PypiOrgPages::htmlProject, PypiOrgPages::jsonProject, PypiOrgPages::htmlRoot, PypiOrgPages::jsonRoot);

  private interface PageWriter<T>
  {
    void write(T content, OutputStream out) throws IOException;
  }

  private final PageWriter<ProjectPage> htmlProject;

  private final PageWriter<ProjectPage> jsonProject;

  private final PageWriter<List<ProjectListEntry>> htmlRoot;

  private final PageWriter<List<ProjectListEntry>> jsonRoot;

  PageStyle(final PageWriter<ProjectPage> htmlProject, final PageWriter<ProjectPage> jsonProject,
            final PageWriter<List<ProjectListEntry>> htmlRoot, final PageWriter<List<ProjectListEntry>> jsonRoot)
  {
    this.htmlProject = htmlProject;
    this.jsonProject = jsonProject;
    this.htmlRoot = htmlRoot;
    this.jsonRoot = jsonRoot;
  }

  /** A project's page; the HTML forms ({@code text/html}, {@code v1+html}) share one body. */
  byte[] project(final ProjectPage page, final SimpleFormat format) {
    return render(format.isJson() ? jsonProject : htmlProject, page);
  }

  byte[] root(final List<ProjectListEntry> projects, final SimpleFormat format) {
    return render(format.isJson() ? jsonRoot : htmlRoot, projects);
  }

  private static <T> byte[] render(final PageWriter<T> writer, final T content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(content, out);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write a page in memory", e);
    }
    return out.toByteArray();
  }
}
