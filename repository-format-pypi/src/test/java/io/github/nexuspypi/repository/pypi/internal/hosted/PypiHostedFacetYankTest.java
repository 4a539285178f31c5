package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.fluent.FluentAssets;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.sonatype.nexus.security.BreadActions.EDIT;

class PypiHostedFacetYankTest
    extends PypiHostedFacetTestSupport
{
  private static final String SDIST_PATH = "/packages/demo/1.0/demo-1.0.tar.gz";

  private FluentAsset wheel;

  private FluentAsset wheelMetadata;

  private FluentAsset sdist;

  private FluentAsset otherRelease;

  private void releaseOfTwoFiles() throws Exception {
    wheel = distribution(WHEEL_PATH, SHA256);
    wheelMetadata = metadata(WHEEL_PATH, OTHER_SHA256);
    sdist = distribution(SDIST_PATH, OTHER_SHA256);
    otherRelease = distribution("/packages/demo/1.1/demo-1.1-py3-none-any.whl", SHA256);
    when(content.releaseVersion("demo", Version.parse("1.0"))).thenReturn(Optional.of("1.0"));
    when(content.projectAssets("demo")).thenReturn(Stream.of(wheel, wheelMetadata, sdist, otherRelease));
    // The rows read are made fluent to be changed; here they are fluent already.
    FluentAssets fluent = mock(FluentAssets.class);
    when(content.assets()).thenReturn(fluent);
    when(fluent.with(any(Asset.class))).thenAnswer(call -> call.getArgument(0));
    checkable(WHEEL_PATH, SDIST_PATH);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> written(final FluentAsset asset) {
    ArgumentCaptor<Object> attributes = ArgumentCaptor.forClass(Object.class);
    verify(asset).withAttribute(eq(P_PYPI), attributes.capture());
    return (Map<String, Object>) attributes.getValue();
  }

  @Test
  void yankMarksEveryFileOfTheRelease() throws Exception {
    releaseOfTwoFiles();
    permit(EDIT, true);

    assertTrue(facet.yank("demo", Version.parse("1.0"), "broken on Windows"));

    for (FluentAsset file : new FluentAsset[]{wheel, sdist}) {
      Map<String, Object> pypi = written(file);
      assertEquals(true, pypi.get(P_YANKED));
      assertEquals("broken on Windows", pypi.get(P_YANKED_REASON));
      assertEquals(pypi(file).get(P_SHA256), pypi.get(P_SHA256), "the other attributes stay");
    }
    verify(wheelMetadata, never()).withAttribute(anyString(), any());
    verify(otherRelease, never()).withAttribute(anyString(), any());
    verify(variables).fromPath(WHEEL_PATH, PypiFormat.NAME);
    verify(variables).fromPath(SDIST_PATH, PypiFormat.NAME);
  }

  @Test
  void yankFindsTheFilesUnderTheReleasesStoredSpelling() throws Exception {
    // The release is stored as 1.0; PEP 440 makes 1.0.0 the same version.
    releaseOfTwoFiles();
    permit(EDIT, true);

    assertTrue(facet.yank("demo", Version.parse("1.0.0"), ""));

    assertEquals(true, written(wheel).get(P_YANKED));
    assertFalse(written(sdist).containsKey(P_YANKED_REASON), "an empty reason is no reason");
  }

  @Test
  void unyankClearsTheMarkAndTheReason() throws Exception {
    releaseOfTwoFiles();
    pypi(wheel).put(P_YANKED, true);
    pypi(wheel).put(P_YANKED_REASON, "broken on Windows");
    permit(EDIT, true);

    assertTrue(facet.yank("demo", Version.parse("1.0"), null));

    assertEquals(false, written(wheel).get(P_YANKED));
    assertFalse(written(wheel).containsKey(P_YANKED_REASON));
  }

  @Test
  void yankNeedsEditOnEveryFileAndChangesNoneWithout() throws Exception {
    releaseOfTwoFiles();
    permit(EDIT, false);

    MissingPrivilegeException refused = assertThrows(MissingPrivilegeException.class,
        () -> facet.yank("demo", Version.parse("1.0"), "broken"));

    assertTrue(refused.getMessage().startsWith("Yanking '"), refused.getMessage());
    verify(wheel, never()).withAttribute(anyString(), any());
    verify(sdist, never()).withAttribute(anyString(), any());
  }

  @Test
  void anUnknownReleaseIsNotYanked() throws Exception {
    when(content.releaseVersion("demo", Version.parse("9.9"))).thenReturn(Optional.empty());

    assertFalse(facet.yank("demo", Version.parse("9.9"), "gone"));

    verify(content, never()).projectAssets(anyString());
    verifyNoInteractions(permissions);
  }
}
