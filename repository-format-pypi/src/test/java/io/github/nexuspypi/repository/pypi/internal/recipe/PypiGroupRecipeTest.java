package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.List;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.types.GroupType;
import org.sonatype.nexus.repository.view.Handler;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.nexuspypi.repository.pypi.internal.recipe.AppliedRecipe.answering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The group recipe's facets, and where its router sends each request, through which guards. */
class PypiGroupRecipeTest
{
  private AppliedRecipe group;

  @BeforeEach
  void setUp() throws Exception {
    group = new AppliedRecipe(new PypiGroupRecipe(new GroupType(), new PypiFormat()), answering(
        "simpleIndexHandler", "simple", "filesHandler", "files", "warehouseJsonHandler", "json",
        "uploadHandler", "upload"));
  }

  private Handler handler(final String field) {
    return group.injected(field);
  }

  @Test
  void attachesTheGroupsFacetsButNoSearchOrMaintenanceOfItsOwn() throws Exception {
    for (String facet : List.of("securityFacet", "viewFacet", "groupFacet", "contentFacet", "browseFacet",
        "indexFacet")) {
      verify(group.repository).attach(group.<Facet>injected(facet));
    }
    // Members are searched and maintained where their files are stored.
    verify(group.repository, never()).attach(group.<Facet>injected("searchFacet"));
    verify(group.repository, never()).attach(group.<Facet>injected("maintenanceFacet"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET    | /simple/                                            | simple - -",
      "HEAD   | /simple/foo-bar/                                    | simple foo-bar -",
      "GET    | /packages/foo/1.0/foo-1.0.tar.gz                    | files foo 1.0",
      "GET    | /packages/foo/1.0/foo-1.0-py3-none-any.whl.metadata | files foo 1.0",
      "GET    | /pypi/foo/json                                      | json foo -",
      "GET    | /pypi/foo/1.0/json                                  | json foo 1.0",
      "POST   | /                                                   | upload - -",
      "POST   | /simple/                                            | upload - -",
      "PUT    | /packages/foo/1.0/foo-1.0.tar.gz                    | upload - -"
  })
  void routesReadsToTheGroupsHandlersAndEveryWriteToItsUploadAnswer(final String method, final String path,
                                                                     final String expected) throws Exception
  {
    assertEquals(expected, group.dispatch(method, path));
  }

  @ParameterizedTest
  @CsvSource({"DELETE, /simple/foo/", "GET, /index.html", "GET, /packages/foo/1.0"})
  void answersOtherRequestsWithNotFound(final String method, final String path) throws Exception {
    assertEquals("404", group.dispatch(method, path));
  }

  @Test
  void everyReadPassesThePrivilegesAndRoutingRules() throws Exception {
    group.readOneOfEach();

    verify(handler("securityHandler"), times(3)).handle(any());
    verify(handler("routingRuleHandler"), times(3)).handle(any());
  }

  @Test
  void filesGoToTheMemberWithoutTheGroupsOwnRangeOrDownloadHandling() throws Exception {
    group.dispatch(HttpMethods.GET, "/packages/foo/1.0/foo-1.0.tar.gz");

    // The member's own route answers ranges and validators and records the download.
    verify(handler("partialFetchHandler"), never()).handle(any());
    verify(handler("lastDownloadedHandler"), never()).handle(any());
    verify(handler("conditionalRequestHandler"), never()).handle(any());
  }
}
