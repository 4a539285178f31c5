package io.github.nexuspypi.repository.pypi.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

import com.google.common.net.HttpHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

@ExtendWith(MockitoExtension.class)
class NormalizedNameHandlerTest
{
  private static final String REPOSITORY_URL = "http://localhost:8081/repository/pypi-hosted";

  @Mock
  private Repository repository;

  private Context passed;

  @BeforeEach
  void setUp() {
    lenient().when(repository.getUrl()).thenReturn(REPOSITORY_URL);
  }

  /** The request as its route hands it over; what comes after the handler answers "passed on". */
  private Response handle(final NormalizedNameHandler handler, final String path, final String project,
                          final String version) throws Exception
  {
    Map<String, String> tokens = new HashMap<>();
    if (project != null) {
      tokens.put(RouteTokens.PROJECT, project);
    }
    if (version != null) {
      tokens.put(RouteTokens.VERSION, version);
    }
    passed = spy(Exchanges.routed(repository, new Request.Builder().action(HttpMethods.GET).path(path).build(),
        tokens));
    lenient().doReturn(HttpResponses.ok("passed on")).when(passed).proceed();
    return handler.handle(passed);
  }

  private static void assertRedirect(final String location, final Response response) {
    assertEquals(301, response.getStatus().getCode());
    assertEquals(REPOSITORY_URL + location, response.getHeaders().get(HttpHeaders.LOCATION));
    assertNull(response.getPayload());
  }

  @ParameterizedTest
  @CsvSource({"/simple/, ''", "/simple/foo-bar/, foo-bar", "/simple/a-b-c-d/, a-b-c-d"})
  void simplePagesAtTheirNormalisedUrlsPassOn(final String path, final String project) throws Exception {
    Response response = handle(NormalizedNameHandler.SIMPLE_PAGES, path, project.isEmpty() ? null : project, null);

    assertEquals("passed on", response.getStatus().getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "/simple,            ,          /simple/",
      "/simple/foo-bar,    foo-bar,   /simple/foo-bar/",
      "/simple/Foo.Bar/,   Foo.Bar,   /simple/foo-bar/",
      "/simple/FOO_bar,    FOO_bar,   /simple/foo-bar/",
      "/simple/foo--bar/,  foo--bar,  /simple/foo-bar/"
  })
  void otherSimpleUrlsRedirectInOneHopToTheNormalisedSlashedUrl(final String path, final String project,
                                                                 final String location) throws Exception
  {
    assertRedirect(location, handle(NormalizedNameHandler.SIMPLE_PAGES, path, project, null));
    verify(passed, never()).proceed();
  }

  @ParameterizedTest
  @CsvSource({
      "/pypi/demo/json,      demo, ",
      "/pypi/demo/json/,     demo, ",
      "/pypi/demo/1.0/json,  demo, 1.0",
      "/pypi/demo/1.0/json/, demo, 1.0"
  })
  void warehouseJsonOfANormalisedNamePassesOnWithOrWithoutSlash(final String path, final String project,
                                                                final String version) throws Exception
  {
    Response response = handle(NormalizedNameHandler.WAREHOUSE_JSON, path, project, version);

    assertEquals("passed on", response.getStatus().getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "/pypi/Demo/json,        Demo,     ,    /pypi/demo/json",
      "/pypi/Demo/json/,       Demo,     ,    /pypi/demo/json",
      "/pypi/Demo_Lib/1.0/json, Demo_Lib, 1.0, /pypi/demo-lib/1.0/json"
  })
  void warehouseJsonOfAnotherSpellingRedirects(final String path, final String project, final String version,
                                               final String location) throws Exception
  {
    assertRedirect(location, handle(NormalizedNameHandler.WAREHOUSE_JSON, path, project, version));
    verify(passed, never()).proceed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-foo", "foo.", "foo bar", "foo%bar"})
  void invalidNamesAreNotFoundOnEitherRoute(final String project) throws Exception {
    Response page = handle(NormalizedNameHandler.SIMPLE_PAGES, "/simple/" + project + "/", project, null);
    Response json = handle(NormalizedNameHandler.WAREHOUSE_JSON, "/pypi/" + project + "/json", project, null);

    for (Response response : new Response[]{page, json}) {
      assertEquals(404, response.getStatus().getCode());
      assertTrue(response.getStatus().getMessage().contains(project), response.getStatus().getMessage());
    }
    verify(passed, never()).proceed();
  }
}
