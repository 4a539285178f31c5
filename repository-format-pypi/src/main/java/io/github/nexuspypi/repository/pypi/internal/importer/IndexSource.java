package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPageSink;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;
import io.github.nexuspypi.repository.pypi.SourceDetails;
import io.github.nexuspypi.repository.pypi.internal.proxy.SizeLimitedInputStream;
import io.github.nexuspypi.repository.pypi.internal.proxy.UpstreamRequests;

import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.HttpStatus;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.utils.HttpClientUtils;

/**
 * A PEP 503/691 index: its root page lists the projects (unless the filter names them), each project's page lists
 * its files with what PEP 592, 700 and the page's Requires-Python say of them. Pages are parsed as they stream in
 * and bounded in size; files are fetched from wherever the page says, through the proxy's {@link UpstreamRequests}:
 * credentials go to the index's origin only, and each hop of a file's redirects must pass the proxy's file host rule.
 */
final class IndexSource
    implements ImportSource
{
  /** Far beyond any real page (pypi.org's largest project pages are some 30 MiB of HTML); a hostile one stops here. */
  static final long MAX_PAGE_BYTES = 256L * 1024 * 1024;

  /** Far beyond any real project's file count (pypi.org's largest have some tens of thousands). */
  static final int MAX_PAGE_FILES = 200_000;

  private final URI index;

  private final HttpClient client;

  private final UpstreamRequests requests;

  /** @param index the index URL, ending in {@code /} */
  IndexSource(final URI index, final HttpClient client, final UpstreamRequests requests) {
    this.index = index;
    this.client = client;
    this.requests = requests;
  }

  @Override
  public List<SourceFile> list(final ProjectFilter filter) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (String project : projects(filter)) {
      files.addAll(files(project));
    }
    return files;
  }

  private Set<String> projects(final ProjectFilter filter) throws IOException {
    if (filter.names().isPresent()) {
      return filter.names().get();
    }
    Set<String> projects = new TreeSet<>();
    HttpResponse response = page(index);
    try {
      SimplePages.parseIndex(body(response, index), contentType(response), entry -> {
        if (filter.admits(entry.normalizedName())) {
          projects.add(entry.normalizedName());
        }
      });
    }
    finally {
      HttpClientUtils.closeQuietly(response);
    }
    return projects;
  }

  private List<SourceFile> files(final String project) throws IOException {
    URI pageUrl = index.resolve(project + "/");
    List<SourceFile> files = new ArrayList<>();
    HttpResponse response = page(pageUrl);
    try {
      if (response.getStatusLine().getStatusCode() == HttpStatus.SC_NOT_FOUND) {
        return files;
      }
      SimplePages.readProject(body(response, pageUrl), contentType(response), pageUrl, new ProjectPageSink()
      {
        @Override
        public void file(final DistributionLink link) throws IOException {
          if (files.size() == MAX_PAGE_FILES) {
            throw new IOException("the page " + pageUrl + " lists more than " + MAX_PAGE_FILES + " files");
          }
          files.add(new SourceFile(link.filename(), project, link.url(), link.hashes().get("sha256"),
              new SourceDetails(link.uploadTime(), link.yank(), link.requiresPython())));
        }

        @Override
        public void version(final String version) {
          // A release without files has nothing to import.
        }
      });
    }
    finally {
      HttpClientUtils.closeQuietly(response);
    }
    return files;
  }

  @Override
  public InputStream open(final SourceFile file) throws IOException {
    URI url = URI.create(file.location());
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new IOException("the page links the file to " + url + ", which is no http or https URL");
    }
    HttpResponse response = requests.file(client, new HttpGet(url));
    if (response.getStatusLine().getStatusCode() != HttpStatus.SC_OK || response.getEntity() == null) {
      HttpClientUtils.closeQuietly(response);
      throw new IOException("GET " + url + " answers " + response.getStatusLine());
    }
    return response.getEntity().getContent();
  }

  private HttpResponse page(final URI url) throws IOException {
    HttpGet get = new HttpGet(url);
    get.setHeader("Accept", SimpleFormat.CLIENT_ACCEPT);
    HttpResponse response = requests.page(client, get);
    int status = response.getStatusLine().getStatusCode();
    if (status != HttpStatus.SC_OK && status != HttpStatus.SC_NOT_FOUND) {
      HttpClientUtils.closeQuietly(response);
      throw new IOException("GET " + url + " answers " + response.getStatusLine());
    }
    return response;
  }

  private static InputStream body(final HttpResponse response, final URI url) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      throw new IOException("GET " + url + " answers without a body");
    }
    return new SizeLimitedInputStream(entity.getContent(), MAX_PAGE_BYTES, "the page " + url);
  }

  private static String contentType(final HttpResponse response) {
    return response.getEntity() == null || response.getEntity().getContentType() == null ? null
        : response.getEntity().getContentType().getValue();
  }
}
