package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.Map;

import io.github.nexuspypi.repository.pypi.internal.AcceptRangesHandler;
import io.github.nexuspypi.repository.pypi.internal.ElapsedTimeHandler;
import io.github.nexuspypi.repository.pypi.internal.PackageHandler;
import io.github.nexuspypi.repository.pypi.internal.StorageOutageHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileChannelHandler;
import io.github.nexuspypi.repository.pypi.internal.download.OpenedBlobHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileRangeHandler;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.PypiMaintenanceFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiSecurityFacet;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.ValidatorHeadersHandler;
import io.github.nexuspypi.repository.pypi.internal.hosted.HostedWarehouseJsonHandler;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.UploadHandler;
import io.github.nexuspypi.repository.pypi.internal.hosted.UploadSecurityHandler;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleIndexHandler;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.browse.BrowseFacet;
import org.sonatype.nexus.repository.content.search.SearchFacet;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.http.PartialFetchHandler;
import org.sonatype.nexus.repository.security.SecurityHandler;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.view.ConfigurableViewFacet;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.handlers.ConditionalRequestHandler;
import org.sonatype.nexus.repository.view.handlers.ExceptionHandler;
import org.sonatype.nexus.repository.view.handlers.HandlerContributor;
import org.sonatype.nexus.repository.view.handlers.LastDownloadedHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The hosted recipe's facets, and where its router sends each request, with the route's own matchers and the
 * wrapping handlers passing every request on.
 */
@ExtendWith(MockitoExtension.class)
class PypiHostedRecipeTest
{
  @Mock
  private Repository repository;

  @Mock
  private PypiSecurityFacet securityFacet;

  @Mock
  private PypiContentFacetImpl contentFacet;

  @Mock
  private PypiMaintenanceFacet maintenanceFacet;

  @Mock
  private SearchFacet searchFacet;

  @Mock
  private BrowseFacet browseFacet;

  @Mock
  private PypiHostedFacet hostedFacet;

  @Mock
  private PypiHostedIndexFacet indexFacet;

  @Mock
  private ElapsedTimeHandler timingHandler;

  @Mock
  private SecurityHandler securityHandler;

  @Mock
  private ExceptionHandler exceptionHandler;

  @Mock
  private StorageOutageHandler storageOutageHandler;

  @Mock
  private HandlerContributor handlerContributor;

  @Mock
  private ConditionalRequestHandler conditionalRequestHandler;

  @Mock
  private PartialFetchHandler partialFetchHandler;

  @Mock
  private ValidatorHeadersHandler validatorHeadersHandler;

  @Mock
  private LastDownloadedHandler lastDownloadedHandler;

  @Mock
  private AcceptRangesHandler acceptRangesHandler;

  @Mock
  private FileRangeHandler fileRangeHandler;

  @Mock
  private FileChannelHandler fileChannelHandler;

  @Mock
  private OpenedBlobHandler openedBlobHandler;

  @Mock
  private SimpleIndexHandler simpleIndexHandler;

  @Mock
  private PackageHandler packageHandler;

  @Mock
  private HostedWarehouseJsonHandler warehouseJsonHandler;

  @Mock
  private UploadHandler uploadHandler;

  @Mock
  private UploadSecurityHandler uploadSecurityHandler;

  private final ConfigurableViewFacet viewFacet = new ConfigurableViewFacet();

  private final PypiHostedRecipe recipe = new PypiHostedRecipe(new HostedType(), new PypiFormat());

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(repository.getUrl()).thenReturn("http://localhost/repository/hosted");
    recipe.securityFacet = () -> securityFacet;
    recipe.viewFacet = () -> viewFacet;
    recipe.contentFacet = () -> contentFacet;
    recipe.maintenanceFacet = () -> maintenanceFacet;
    recipe.searchFacet = () -> searchFacet;
    recipe.browseFacet = () -> browseFacet;
    recipe.hostedFacet = () -> hostedFacet;
    recipe.indexFacet = () -> indexFacet;
    recipe.timingHandler = passingOn(timingHandler);
    recipe.securityHandler = passingOn(securityHandler);
    recipe.exceptionHandler = passingOn(exceptionHandler);
    recipe.storageOutageHandler = passingOn(storageOutageHandler);
    recipe.handlerContributor = passingOn(handlerContributor);
    recipe.conditionalRequestHandler = passingOn(conditionalRequestHandler);
    recipe.partialFetchHandler = passingOn(partialFetchHandler);
    recipe.validatorHeadersHandler = passingOn(validatorHeadersHandler);
    recipe.lastDownloadedHandler = passingOn(lastDownloadedHandler);
    recipe.acceptRangesHandler = passingOn(acceptRangesHandler);
    recipe.fileRangeHandler = passingOn(fileRangeHandler);
    recipe.fileChannelHandler = passingOn(fileChannelHandler);
    recipe.openedBlobHandler = passingOn(openedBlobHandler);
    recipe.simpleIndexHandler = answeringWithTokens(simpleIndexHandler, "simple");
    recipe.packageHandler = answeringWithTokens(packageHandler, "package");
    recipe.warehouseJsonHandler = answeringWithTokens(warehouseJsonHandler, "json");
    recipe.uploadHandler = answeringWithTokens(uploadHandler, "upload");
    recipe.uploadSecurityHandler = passingOn(uploadSecurityHandler);
    recipe.apply(repository);
    viewFacet.attach(repository);
  }

  private static <H extends Handler> H passingOn(final H handler) throws Exception {
    lenient().when(handler.handle(any())).thenAnswer(call -> call.<Context>getArgument(0).proceed());
    return handler;
  }

  /** The terminal handler answers with its name and the tokens the route captured. */
  private static <H extends Handler> H answeringWithTokens(final H handler, final String name) throws Exception {
    lenient().when(handler.handle(any())).thenAnswer(call -> {
      Context context = call.getArgument(0);
      Map<String, String> tokens = Map.of(
          "project", RouteTokens.get(context, RouteTokens.PROJECT).orElse("-"),
          "version", RouteTokens.get(context, RouteTokens.VERSION).orElse("-"));
      return HttpResponses.ok(name + " " + tokens.get("project") + " " + tokens.get("version"));
    });
    return handler;
  }

  private String dispatch(final String method, final String path) throws Exception {
    Response response = viewFacet.dispatch(new Request.Builder().action(method).path(path).build());
    switch (response.getStatus().getCode()) {
      case 404:
        return "404";
      case 301:
        return "301 " + response.getHeaders().get("Location").replace("http://localhost/repository/hosted", "");
      default:
        return response.getStatus().getMessage();
    }
  }

  @Test
  void attachesEveryFacet() throws Exception {
    verify(repository).attach(securityFacet);
    verify(repository).attach(viewFacet);
    verify(repository).attach(contentFacet);
    verify(repository).attach(maintenanceFacet);
    verify(repository).attach(searchFacet);
    verify(repository).attach(browseFacet);
    verify(repository).attach(hostedFacet);
    verify(repository).attach(indexFacet);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET  | /simple                                   | 301 /simple/",
      "GET  | /simple/                                  | simple - -",
      "HEAD | /simple/                                  | simple - -",
      "GET  | /simple/Foo.Bar                           | 301 /simple/foo-bar/",
      "GET  | /simple/foo-bar/                          | simple foo-bar -",
      "GET  | /simple/-foo-/                            | 404",
      "GET  | /packages/foo/1.0/foo-1.0.tar.gz          | package foo 1.0",
      "HEAD | /packages/foo/1.0/foo-1.0-py3-none-any.whl.metadata | package foo 1.0",
      "GET  | /pypi/Foo/json                            | 301 /pypi/foo/json",
      "GET  | /pypi/foo/json/                           | json foo -",
      "GET  | /pypi/foo/1.0/json                        | json foo 1.0",
      "POST | /                                         | upload - -"
  })
  void routesEachRequestToItsHandler(final String method, final String path, final String expected)
      throws Exception
  {
    assertEquals(expected, dispatch(method, path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/simple/foo/bar/", "/simple//", "/packages/foo/1.0", "/packages/foo/1.0/a/b",
      "/pypi/foo", "/pypi/foo/1.0/2.0/json", "/index.html"})
  void answersOtherPathsWithNotFound(final String path) throws Exception {
    assertEquals("404", dispatch(HttpMethods.GET, path));
  }

  @ParameterizedTest
  @CsvSource({"POST, /simple/", "PUT, /", "DELETE, /packages/foo/1.0/foo-1.0.tar.gz", "PUT, /packages/foo/1.0/x"})
  void readRoutesServeOnlyReadsAndUploadsOnlyPost(final String method, final String path) throws Exception {
    assertEquals("404", dispatch(method, path));
  }

  /** A page, a file, the JSON API and an upload: one request for each route. */
  private void dispatchToEveryRoute() throws Exception {
    dispatch(HttpMethods.GET, "/simple/");
    dispatch(HttpMethods.GET, "/packages/foo/1.0/foo-1.0.tar.gz");
    dispatch(HttpMethods.GET, "/pypi/foo/json");
    dispatch(HttpMethods.POST, "/");
  }

  @Test
  void everyRouteIsGuarded() throws Exception {
    dispatchToEveryRoute();

    verify(securityHandler, times(3)).handle(any());
    // Uploads by their own guard: Nexus's would ask for add on "/", which no per-project selector matches.
    verify(uploadSecurityHandler).handle(any());
  }

  @Test
  void everyRouteAnswersAnUnreachableBlobStoreOutsideNexusExceptionHandler() throws Exception {
    dispatchToEveryRoute();

    verify(storageOutageHandler, times(4)).handle(any());
    // Outside it, so that it sees what Nexus's handler lets through, the blob store's failures.
    InOrder order = inOrder(storageOutageHandler, exceptionHandler);
    for (int i = 0; i < 4; i++) {
      order.verify(storageOutageHandler).handle(any());
      order.verify(exceptionHandler).handle(any());
    }
  }

  @Test
  void onlyFilesGetRangesDownloadStatisticsAndTheFilePath() throws Exception {
    dispatch(HttpMethods.GET, "/simple/foo/");
    dispatch(HttpMethods.GET, "/pypi/foo/json");
    dispatch(HttpMethods.POST, "/");

    verify(partialFetchHandler, never()).handle(any());
    verify(acceptRangesHandler, never()).handle(any());
    verify(lastDownloadedHandler, never()).handle(any());
    verify(fileRangeHandler, never()).handle(any());
    verify(fileChannelHandler, never()).handle(any());
    verify(openedBlobHandler, never()).handle(any());

    dispatch(HttpMethods.GET, "/packages/foo/1.0/foo-1.0.tar.gz");

    // The file range handler reads the answer of Nexus's range handler, which wraps the file payload; the blob is
    // opened in the answer the conditional and range handlers leave.
    InOrder order = inOrder(openedBlobHandler, conditionalRequestHandler, fileRangeHandler, partialFetchHandler,
        lastDownloadedHandler, fileChannelHandler);
    order.verify(openedBlobHandler).handle(any());
    order.verify(conditionalRequestHandler).handle(any());
    order.verify(fileRangeHandler).handle(any());
    order.verify(partialFetchHandler).handle(any());
    order.verify(lastDownloadedHandler).handle(any());
    order.verify(fileChannelHandler).handle(any());
    verify(acceptRangesHandler).handle(any());
  }
}
