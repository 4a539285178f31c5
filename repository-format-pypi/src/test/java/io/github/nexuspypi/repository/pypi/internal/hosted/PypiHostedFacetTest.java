package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.IllegalOperationException;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.WritePolicy;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;
import org.sonatype.nexus.selector.VariableSource;

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
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.sonatype.nexus.security.BreadActions.ADD;
import static org.sonatype.nexus.security.BreadActions.EDIT;

@ExtendWith(MockitoExtension.class)
class PypiHostedFacetTest
{
  private static final String REPOSITORY = "pypi-hosted";

  private static final String WHEEL = "demo-1.0-py3-none-any.whl";

  private static final String WHEEL_PATH = "/packages/demo/1.0/" + WHEEL;

  private static final String SHA256 = "1111111111111111111111111111111111111111111111111111111111111111";

  private static final String OTHER_SHA256 = "2222222222222222222222222222222222222222222222222222222222222222";

  @Mock
  private Repository repository;

  @Mock
  private PypiContentFacet content;

  @Mock
  private ContentPermissionChecker permissions;

  @Mock
  private VariableResolverAdapter variables;

  @Mock
  private VariableSource wheelVariables;

  private PypiHostedFacet facet;

  @BeforeEach
  void setUp() throws Exception {
    facet = new PypiHostedFacet(permissions, variables);
    facet.attach(repository);
    lenient().when(repository.getName()).thenReturn(REPOSITORY);
    lenient().when(repository.getFormat()).thenReturn(new PypiFormat());
    lenient().when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    lenient().when(variables.fromPath(WHEEL_PATH, PypiFormat.NAME)).thenReturn(wheelVariables);
  }

  private void writePolicy(final WritePolicy policy) {
    when(content.writePolicy()).thenReturn(policy);
  }

  private void permit(final String action, final boolean permitted) {
    when(permissions.isPermitted(REPOSITORY, PypiFormat.NAME, action, wheelVariables)).thenReturn(permitted);
  }

  private void stored(final String sha256) {
    FluentAsset existing = distribution(WHEEL_PATH, sha256);
    when(content.find(WHEEL_PATH)).thenReturn(Optional.of(existing));
  }

  private static PreparedDistribution upload(final String sha256) throws Exception {
    return Distributions.prepared(WHEEL, sha256, Path.of("/tmp/pypi-upload-1.part"));
  }

  @Test
  void denyRefusesEveryUpload() throws Exception {
    writePolicy(WritePolicy.DENY);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("'" + REPOSITORY + "' is read-only"), refused.getMessage());
    verify(content, never()).store(any());
    verifyNoInteractions(permissions);
  }

  @Test
  void aNewFileNeedsAddOnItsPath() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    PreparedDistribution upload = upload(SHA256);

    assertEquals(PypiHostedFacet.Outcome.STORED, facet.publish(upload));

    verify(permissions).isPermitted(REPOSITORY, PypiFormat.NAME, ADD, wheelVariables);
    verify(content).store(upload);
  }

  @Test
  void aNewFileWithoutAddIsRefusedNamingThePrivilege() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, false);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(403, refused.status());
    assertTrue(refused.getMessage().contains("nx-repository-view-pypi-" + REPOSITORY + "-add"), refused.getMessage());
    verify(content, never()).store(any());
  }

  @Test
  void aFileJoinsItsReleaseUnderTheReleasesOwnSpelling() throws Exception {
    // 1.0 and 1.0.0 are one release (PEP 440); the first upload's spelling names it.
    String path = "/packages/demo/1.0.0/" + WHEEL;
    writePolicy(WritePolicy.ALLOW_ONCE);
    when(content.releaseVersion("demo", Version.parse("1.0"))).thenReturn(Optional.of("1.0.0"));
    when(variables.fromPath(path, PypiFormat.NAME)).thenReturn(wheelVariables);
    permit(ADD, true);

    facet.publish(upload(SHA256));

    verify(content).find(path);
    verify(variables).fromPath(path, PypiFormat.NAME);
  }

  @Test
  void theSameBytesAgainStoreNothing() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    stored(SHA256);

    assertEquals(PypiHostedFacet.Outcome.UNCHANGED, facet.publish(upload(SHA256)));

    verify(content, never()).store(any());
  }

  @Test
  void otherBytesUnderATakenNameAreRefusedOnce() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    stored(OTHER_SHA256);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("File already exists ('" + WHEEL + "', with sha256 hash '"
        + OTHER_SHA256 + "')"), refused.getMessage());
    verify(content, never()).store(any());
  }

  @Test
  void otherBytesReplaceTheFileUnderAllowWithEdit() throws Exception {
    writePolicy(WritePolicy.ALLOW);
    stored(OTHER_SHA256);
    permit(EDIT, true);
    PreparedDistribution upload = upload(SHA256);

    assertEquals(PypiHostedFacet.Outcome.STORED, facet.publish(upload));

    verify(permissions).isPermitted(REPOSITORY, PypiFormat.NAME, EDIT, wheelVariables);
    verify(content).store(upload);
  }

  @Test
  void replacingWithoutEditIsRefusedNamingThePrivilege() throws Exception {
    writePolicy(WritePolicy.ALLOW);
    stored(OTHER_SHA256);
    permit(EDIT, false);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(403, refused.status());
    assertTrue(refused.getMessage().startsWith("Replacing '" + WHEEL + "' needs the 'edit' privilege"),
        refused.getMessage());
    verify(content, never()).store(any());
  }

  @Test
  void aConcurrentUploadOfTheSameNameIsAlreadyExisting() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    when(content.store(any())).thenThrow(new IllegalOperationException("Repository does not allow updating assets"));

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("File already exists ('" + WHEEL + "')"), refused.getMessage());
  }

  // --- yank

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
    lenient().when(variables.fromPath(anyString(), eq(PypiFormat.NAME))).thenReturn(wheelVariables);
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

    UploadRejectedException refused = assertThrows(UploadRejectedException.class,
        () -> facet.yank("demo", Version.parse("1.0"), "broken"));

    assertEquals(403, refused.status());
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
