package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.repository.pypi.PypiContentFacet.Release;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.store.FormatStoreManager;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_UPSTREAM_PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * A proxy's store of a fetched file creates or finds its release, as an upload does, and so waits for the other
 * stores of its project: each saved here records whether another thread could have stored into the project then.
 */
class PypiContentFacetImplTest
{
  private final ProjectStoreLocks locks = new ProjectStoreLocks();

  private final List<Boolean> projectFreeWhileSaving = new ArrayList<>();

  private final PypiContentFacetImpl facet = new PypiContentFacetImpl(mock(FormatStoreManager.class),
      Path.of(System.getProperty("java.io.tmpdir")), locks)
  {
    @Override
    protected FluentAsset saveFetched(final String path, final String kind, final Optional<Release> release,
                                      final TempBlob blob, final Map<String, Object> attributes,
                                      final Content fetched)
    {
      projectFreeWhileSaving.add(LockProbe.freeForAnotherThread(locks, "foo-bar"));
      return mock(FluentAsset.class);
    }
  };

  private void storeFetched(final String path, final String kind, final Optional<Release> release) {
    facet.storeFetched(path, kind, release, mock(TempBlob.class), Map.of(), mock(Content.class));
  }

  @Test
  void aFetchedFileIsSavedHoldingItsProjectsLock() {
    storeFetched("/packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl", KIND_DISTRIBUTION,
        Optional.of(new Release("foo-bar", "1.0")));

    assertEquals(List.of(false), projectFreeWhileSaving);
    assertTrue(LockProbe.freeForAnotherThread(locks, "foo-bar"), "released once saved");
  }

  @Test
  void aFetchedPageBelongsToNoReleaseAndTakesNoLock() {
    storeFetched("/simple/foo-bar/upstream.json", KIND_UPSTREAM_PAGE, Optional.empty());

    assertEquals(List.of(true), projectFreeWhileSaving);
  }
}
