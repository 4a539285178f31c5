package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.List;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.repository.view.Handler;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.nexuspypi.repository.pypi.internal.recipe.AppliedRecipe.answering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The proxy recipe's facets, and where its router sends each request, through which guards. */
class PypiProxyRecipeTest
{
  private AppliedRecipe proxy;

  @BeforeEach
  void setUp() throws Exception {
    proxy = new AppliedRecipe(new PypiProxyRecipe(new ProxyType(), new PypiFormat()), answering(
        "simpleIndexHandler", "simple", "proxyHandler", "files", "proxyWarehouseJsonHandler", "json"));
  }

  private Handler handler(final String field) {
    return proxy.injected(field);
  }

  @Test
  void attachesEveryFacetItIsGivenAndTheProxysOwn() throws Exception {
    for (Facet facet : proxy.facets().values()) {
      verify(proxy.repository).attach(facet);
    }
    assertTrue(proxy.facets().keySet().containsAll(List.of("proxyFacet", "httpClientFacet",
        "negativeCacheFacet", "purgeUnusedFacet", "indexFacet", "contentFacet", "securityFacet")),
        proxy.facets().keySet()::toString);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET  | /simple/                                            | simple - -",
      "HEAD | /simple/foo-bar/                                    | simple foo-bar -",
      "GET  | /packages/foo/1.0/foo-1.0.tar.gz                    | files foo 1.0",
      "HEAD | /packages/foo/1.0/foo-1.0-py3-none-any.whl.metadata | files foo 1.0",
      "GET  | /pypi/foo/json                                      | json foo -",
      "GET  | /pypi/foo/1.0/json                                  | json foo 1.0"
  })
  void routesEachReadToTheProxysHandler(final String method, final String path, final String expected)
      throws Exception
  {
    assertEquals(expected, proxy.dispatch(method, path));
  }

  @ParameterizedTest
  @CsvSource({"POST, /", "PUT, /packages/foo/1.0/foo-1.0.tar.gz", "DELETE, /simple/foo/", "GET, /index.html"})
  void takesNoUploadAndAnswersOtherRequestsWithNotFound(final String method, final String path) throws Exception {
    assertEquals("404", proxy.dispatch(method, path));
  }

  @Test
  void everyReadPassesThePrivilegesRoutingRulesAndNegativeCache() throws Exception {
    proxy.readOneOfEach();

    verify(handler("securityHandler"), times(3)).handle(any());
    verify(handler("routingRuleHandler"), times(3)).handle(any());
    verify(handler("negativeCacheHandler"), times(3)).handle(any());
  }

  @Test
  void onlyFilesGetRangesAndDownloadStatistics() throws Exception {
    proxy.dispatch(HttpMethods.GET, "/simple/foo/");
    proxy.dispatch(HttpMethods.GET, "/pypi/foo/json");

    verify(handler("partialFetchHandler"), never()).handle(any());
    verify(handler("lastDownloadedHandler"), never()).handle(any());

    proxy.dispatch(HttpMethods.GET, "/packages/foo/1.0/foo-1.0.tar.gz");

    verify(handler("partialFetchHandler")).handle(any());
    verify(handler("lastDownloadedHandler")).handle(any());
    verify(handler("fileChannelHandler")).handle(any());
  }
}
