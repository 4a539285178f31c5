package io.github.nexuspypi.repository.pypi.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.repository.pypi.internal.proxy.SizeLimitedInputStream;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.client.utils.HttpClientUtils;
import org.apache.http.protocol.HTTP;

/**
 * Asks a candidate as a client would read it, with the repository's HTTP client. The root page is asked with
 * {@code HEAD} (pypi.org's is tens of MiB; its status and type are the answer), or with a {@code GET} left unread
 * where the server allows no {@code HEAD}. An HTML root must then list a project whose page answers: only its first
 * entry is read, from the first MiB at most. Every request carries the credentials a proxy's own requests do, which
 * follow no redirect off the remote URL's origin.
 */
public final class HttpIndexProbe
    implements IndexProbe
{
  private static final long MAX_ROOT_BYTES_READ = 1024 * 1024;

  private final HttpClient client;

  private final CredentialsProvider credentials;

  public HttpIndexProbe(final HttpClient client, final CredentialsProvider credentials) {
    this.client = client;
    this.credentials = credentials;
  }

  @Override
  public ProbeAnswer ask(final URI candidate) {
    ProbeAnswer root = askHeaders(candidate);
    if (!root.needsAProjectPage()) {
      return root;
    }
    Optional<ProjectListEntry> first;
    try {
      first = firstProject(candidate);
    }
    catch (IOException | RuntimeException e) {
      return root.refutedBy("it is no simple API page: " + e.getMessage());
    }
    if (first.isEmpty()) {
      // An index with no project yet, such as a new devpi index.
      return root;
    }
    String name = first.get().name();
    if (!ProjectName.isValid(name)) {
      return root.refutedBy("its first link, '" + name + "', names no project");
    }
    URI projectPage = candidate.resolve(ProjectName.normalize(name) + "/");
    return root.confirmedBy(projectPage, askHeaders(projectPage));
  }

  private ProbeAnswer askHeaders(final URI url) {
    try {
      ProbeAnswer answer = headers(new HttpHead(url));
      return answer != null ? answer : headers(new HttpGet(url));
    }
    catch (IOException | RuntimeException e) {
      return ProbeAnswer.failed(e);
    }
  }

  /** {@code null} when the server does not allow the method. */
  private ProbeAnswer headers(final HttpRequestBase request) throws IOException {
    HttpResponse response = send(request);
    try {
      int status = response.getStatusLine().getStatusCode();
      if (request instanceof HttpHead && (status == 405 || status == 501)) {
        return null;
      }
      return ProbeAnswer.of(status, contentType(response));
    }
    finally {
      close(request, response);
    }
  }

  private Optional<ProjectListEntry> firstProject(final URI root) throws IOException {
    HttpGet request = new HttpGet(root);
    HttpResponse response = send(request);
    try {
      if (response.getStatusLine().getStatusCode() != 200 || response.getEntity() == null) {
        throw new IOException("GET answered " + response.getStatusLine());
      }
      try (InputStream in = new SizeLimitedInputStream(response.getEntity().getContent(), MAX_ROOT_BYTES_READ,
          "The part of the page read for its first project")) {
        SimplePages.parseIndex(in, contentType(response), entry -> {
          throw new FirstEntry(entry);
        });
      }
      return Optional.empty();
    }
    catch (FirstEntry found) {
      return Optional.of(found.entry);
    }
    finally {
      close(request, response);
    }
  }

  private HttpResponse send(final HttpRequestBase request) throws IOException {
    request.setHeader("Accept", SimpleFormat.CLIENT_ACCEPT);
    HttpClientContext context = HttpClientContext.create();
    context.setCredentialsProvider(credentials);
    return client.execute(request, context);
  }

  private static String contentType(final HttpResponse response) {
    Header type = response.getFirstHeader(HTTP.CONTENT_TYPE);
    return type == null ? null : type.getValue();
  }

  /** Aborted rather than drained: the rest of a root page can be tens of MiB. */
  private static void close(final HttpRequestBase request, final HttpResponse response) {
    request.abort();
    HttpClientUtils.closeQuietly(response);
  }

  /** Ends the parse of a root page at its first entry. */
  private static final class FirstEntry
      extends RuntimeException
  {
    private static final long serialVersionUID = 1L;

    private final transient ProjectListEntry entry;

    private FirstEntry(final ProjectListEntry entry) {
      super(null, null, false, false);
      this.entry = entry;
    }
  }
}
