package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.index.SimpleFormat;

import com.google.common.hash.HashingOutputStream;
import com.google.common.hash.Hashing;

/**
 * A root page written in both formats in one pass, onto two temporary files, as its projects arrive: from the
 * database page by page, or from upstream's root as it is parsed. Nothing of the list is held; each file's sha256
 * is taken as it is written, for the ETag it is served with.
 */
public final class ProjectListFiles
    implements ProjectListWriter
{
  private final Path html;

  private final Path json;

  private final HashingOutputStream htmlHash;

  private final HashingOutputStream jsonHash;

  private final Writer htmlOut;

  private final OutputStream jsonOut;

  private final ProjectListWriter htmlList;

  private final ProjectListWriter jsonList;

  private String htmlSha256;

  private String jsonSha256;

  private boolean closed;

  private ProjectListFiles(final Path html, final Path json) throws IOException {
    this.html = html;
    this.json = json;
    this.htmlHash = new HashingOutputStream(Hashing.sha256(), Files.newOutputStream(html));
    this.jsonHash = new HashingOutputStream(Hashing.sha256(), Files.newOutputStream(json));
    this.htmlOut = new BufferedWriter(new OutputStreamWriter(htmlHash, StandardCharsets.UTF_8));
    this.jsonOut = new BufferedOutputStream(jsonHash);
    this.htmlList = ProjectListWriter.html(htmlOut);
    this.jsonList = ProjectListWriter.json(jsonOut);
  }

  /** Two new files in {@code directory}, named {@code <prefix>*.html} and {@code <prefix>*.json}. */
  public static ProjectListFiles create(final Path directory, final String prefix) throws IOException {
    Path html = Files.createTempFile(directory, prefix, ".html");
    try {
      Path json = Files.createTempFile(directory, prefix, ".json");
      try {
        return new ProjectListFiles(html, json);
      }
      catch (IOException | RuntimeException e) {
        Files.deleteIfExists(json);
        throw e;
      }
    }
    catch (IOException | RuntimeException e) {
      Files.deleteIfExists(html);
      throw e;
    }
  }

  @Override
  public void add(final ProjectListEntry project) throws IOException {
    htmlList.add(project);
    jsonList.add(project);
  }

  /** Ends both pages and closes their files. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (Writer htmlFile = htmlOut; OutputStream jsonFile = jsonOut) {
      htmlList.close();
      jsonList.close();
    }
    htmlSha256 = htmlHash.hash().toString();
    jsonSha256 = jsonHash.hash().toString();
  }

  /** The file of one format. */
  public Path file(final SimpleFormat format) {
    return format.isJson() ? json : html;
  }

  /** The sha256 of one format's file, once closed. */
  public String sha256(final SimpleFormat format) {
    return format.isJson() ? jsonSha256 : htmlSha256;
  }

  /** Closes and removes both files, keeping the first failure. */
  public void delete() throws IOException {
    try {
      close();
    }
    finally {
      Files.deleteIfExists(html);
      Files.deleteIfExists(json);
    }
  }
}
