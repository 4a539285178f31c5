package io.github.nexuspypi.it.proxy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeHost;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.LoggedRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.it.nexus.ProxySettings.autoBlock;
import static io.github.nexuspypi.it.nexus.ProxySettings.upstreamCredentials;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private upstream index whose index host asks for HTTP basic credentials: the proxy's upstream authentication
 * gets it pages and files; without it the proxy answers an error at once, and giving it later makes the same proxy
 * work. The credentials go to the remote URL's origin only: the files host, on another port, never gets them, not
 * when it asks for them and not when the origin redirects a file there.
 */
@NexusTest
class ProxyUpstreamAuthIT
{
  private static final String USER = "proxy-reader";

  private static final String PASSWORD = "s3cret:with%odd&chars";

  private static Nexus nexus;

  private static FakeIndex upstream;

  private static FakeFile wheel;

  @BeforeAll
  static void startAPrivateIndex() {
    upstream = FakeIndex.start();
    WheelBuilder builder = WheelBuilder.of("private-lib", "1.0");
    wheel = upstream.project("private-lib").file(builder.fileName(), builder.toBytes());
    upstream.indexHost().basicAuth(USER, PASSWORD);
  }

  @AfterAll
  static void stopThePrivateIndex() {
    upstream.close();
  }

  @Test
  void withUpstreamCredentialsPagesAndFilesComeThroughAndOnlyTheOriginGetsThem() {
    String proxy = nexus.uniqueName("pypi-proxy-auth");
    // By its base: the proxy finds the index under it with these credentials.
    nexus.admin().createRepository(definition(proxy, upstream.uri()).with(upstreamCredentials(USER, PASSWORD)));
    IndexPages pages = new IndexPages(nexus.anonymous(), proxy);

    URI file = pages.fileUri("private-lib", wheel.filename());
    Download download = Download.of(nexus.anonymous(), file);
    Download metadata = Download.of(nexus.anonymous(), URI.create(file + ".metadata"));

    assertTrue(download.isWhole(), download::describe);
    assertArrayEquals(wheel.bytes(), download.body());
    assertArrayEquals(wheel.coreMetadata(), metadata.body());
    List<LoggedRequest> page = upstream.log().to("/simple/private-lib/");
    assertTrue(page.stream().anyMatch(LoggedRequest::authorization), page::toString);
    assertNoCredentialsSentTo(wheel.path(), wheel.metadataPath());
  }

  /** A files host that asks for credentials gets none: the fetch fails as upstream's refusals do, with a 503. */
  @Test
  void aFilesHostOnAnotherOriginAskingForCredentialsGetsNone() {
    WheelBuilder builder = WheelBuilder.of("asking-files", "1.0");
    FakeFile asking = upstream.project("asking-files").file(builder.fileName(), builder.toBytes());

    Download refused = downloadWhileTheFilesHostAsksForCredentials("asking-files", asking);

    assertEquals(503, refused.status(), refused::describe);
    assertNoCredentialsSentTo(asking.path());
  }

  /** The origin redirects a file to the files host, which asks for credentials: it gets none. */
  @Test
  void aRedirectToAnotherOriginCarriesNoCredentials() {
    WheelBuilder builder = WheelBuilder.of("moved-files", "1.0");
    FakeFile moved = upstream.project("moved-files").file(builder.fileName(), builder.toBytes());
    String onOrigin = "/moved/" + moved.filename();
    upstream.indexHost().at(onOrigin).redirectTo(moved.uri());
    upstream.rawPage("/simple/moved-files/", "text/html", "<!DOCTYPE html><html><body><a href=\""
        + upstream.uri().resolve(onOrigin) + "#sha256=" + moved.sha256() + "\">" + moved.filename()
        + "</a></body></html>");

    Download refused = downloadWhileTheFilesHostAsksForCredentials("moved-files", moved);

    assertEquals(503, refused.status(), refused::describe);
    List<LoggedRequest> origin = upstream.log().to(onOrigin);
    assertTrue(origin.stream().anyMatch(LoggedRequest::authorization), origin::toString);
    assertNoCredentialsSentTo(moved.path());
  }

  /** Through a new proxy with the upstream credentials. */
  private static Download downloadWhileTheFilesHostAsksForCredentials(final String project, final FakeFile file) {
    String proxy = nexus.uniqueName("pypi-proxy-auth-" + project);
    nexus.admin().createRepository(definition(proxy, upstream.uri()).with(upstreamCredentials(USER, PASSWORD)));
    URI url = new IndexPages(nexus.anonymous(), proxy).fileUri(project, file.filename());
    upstream.filesHost().basicAuth(USER, PASSWORD);
    try {
      return Download.of(nexus.anonymous(), url);
    }
    finally {
      upstream.filesHost().withoutAuth();
    }
  }

  /**
   * Saving a proxy asks upstream for its index: a redirect from the origin to another host that asks for credentials
   * gets none there either, and the URL is refused.
   */
  @Test
  void checkingTheRemoteUrlCarriesNoCredentialsOffTheOrigin() {
    String moved = "/moved-index/";
    upstream.indexHost().at(moved + "simple/").redirectTo(upstream.filesHost().uri().resolve("/simple/"));
    upstream.filesHost().basicAuth(USER, PASSWORD);
    HttpResponse<String> refused;
    try {
      refused = nexus.http().json("POST", "service/rest/v1/repositories/pypi/proxy",
          definition(nexus.uniqueName("pypi-proxy-moved"), upstream.uri().resolve(moved))
              .with(upstreamCredentials(USER, PASSWORD)).json());
    }
    finally {
      upstream.filesHost().withoutAuth();
    }

    assertEquals(400, refused.statusCode(), refused::body);
    List<LoggedRequest> elsewhere = upstream.log().all().stream()
        .filter(request -> request.host() == FakeHost.Role.FILES && request.path().equals("/simple/")).toList();
    assertFalse(elsewhere.isEmpty(), "the redirect was followed");
    assertTrue(elsewhere.stream().noneMatch(LoggedRequest::authorization), elsewhere::toString);
  }

  @Test
  void withoutCredentialsTheProxyAnswersAnErrorAndTheyFixTheSameProxy() {
    String proxy = nexus.uniqueName("pypi-proxy-noauth");
    // By its base, the index cannot be found without credentials; by its index URL, it is saved without asking.
    HttpResponse<String> unresolved = nexus.http().json("POST", "service/rest/v1/repositories/pypi/proxy",
        definition(proxy, upstream.uri()).json());
    assertEquals(400, unresolved.statusCode(), unresolved::body);
    assertTrue(unresolved.body().contains(upstream.simpleUri() + " answered 401"), unresolved::body);
    RepositoryDefinition withoutCredentials = definition(proxy, upstream.simpleUri());
    nexus.admin().createRepository(withoutCredentials);

    HttpResponse<String> refused = nexus.anonymous().get("repository/" + proxy + "/simple/private-lib/");

    assertEquals(503, refused.statusCode(), refused::body);
    assertTrue(refused.body().contains("401"), refused::body);

    nexus.admin().updateRepository(withoutCredentials.with(upstreamCredentials(USER, PASSWORD)));
    IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
    Download download = Download.of(nexus.anonymous(), pages.fileUri("private-lib", wheel.filename()));
    assertArrayEquals(wheel.bytes(), download.body());
  }

  /** Each path was asked for, never with an {@code Authorization} header. */
  private static void assertNoCredentialsSentTo(final String... paths) {
    for (String path : paths) {
      List<LoggedRequest> requests = upstream.log().to(path);
      assertFalse(requests.isEmpty(), path + " was asked for");
      assertTrue(requests.stream().noneMatch(LoggedRequest::authorization), () -> path + ": " + requests);
    }
  }

  /** Without auto-blocking, so that one refusal does not make the next request a 404 for a while. */
  private static RepositoryDefinition definition(final String proxy, final URI remoteUrl) {
    return RepositoryDefinition.proxy("pypi", proxy, remoteUrl.toString()).with(autoBlock(false));
  }
}
