package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.nio.file.Path;
import java.util.Optional;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.IllegalOperationException;
import org.sonatype.nexus.repository.config.WritePolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.sonatype.nexus.security.BreadActions.ADD;
import static org.sonatype.nexus.security.BreadActions.EDIT;

class PypiHostedFacetPublishTest
    extends PypiHostedFacetTestSupport
{
  @BeforeEach
  void setUp() {
    checkable(WHEEL_PATH);
  }

  private void writePolicy(final WritePolicy policy) {
    when(content.writePolicy()).thenReturn(policy);
  }

  private void stored(final String sha256) throws Exception {
    stored(WHEEL_PATH, sha256);
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
    verify(content, never()).store(any(), anyBoolean());
    verifyNoInteractions(permissions);
  }

  /** The upload is stored once the privilege for {@code action} on the file's path is checked. */
  private void assertStoredWith(final String action) throws Exception {
    permit(action, true);
    PreparedDistribution upload = upload(SHA256);
    when(content.store(upload, action.equals(EDIT))).thenReturn(true);

    assertEquals(PypiHostedFacet.Outcome.STORED, facet.publish(upload));

    verify(permissions).isPermitted(REPOSITORY, PypiFormat.NAME, action, pathVariables);
    verify(content).store(upload, action.equals(EDIT));
  }

  /** Without the privilege for {@code action}, a 403 whose message names it, and nothing stored. */
  private void assertRefusedWithout(final String action, final String what) throws Exception {
    permit(action, false);

    MissingPrivilegeException refused = assertThrows(MissingPrivilegeException.class,
        () -> facet.publish(upload(SHA256)));

    assertEquals(what + " needs the '" + action + "' privilege on repository '" + REPOSITORY
            + "' (nx-repository-view-pypi-" + REPOSITORY + "-" + action + "), which you do not have.",
        refused.getMessage());
    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void aNewFileNeedsAddOnItsPath() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);

    assertStoredWith(ADD);
  }

  @Test
  void aNewFileWithoutAddIsRefusedNamingThePrivilege() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);

    assertRefusedWithout(ADD, "Adding '" + WHEEL + "'");
  }

  @Test
  void aFileJoinsItsReleaseUnderTheReleasesOwnSpelling() throws Exception {
    // 1.0 and 1.0.0 are one release (PEP 440); the first upload's spelling names it.
    String path = "/packages/demo/1.0.0/demo-1.0.0-py3-none-any.whl";
    writePolicy(WritePolicy.ALLOW_ONCE);
    when(content.releaseVersion("demo", Version.parse("1.0.0"))).thenReturn(Optional.of("1.0.0"));
    checkable(path);
    permit(ADD, true);

    facet.publish(Distributions.prepared("demo-1.0.0-py3-none-any.whl", SHA256, Path.of("/tmp/pypi-upload-1.part")));

    verify(content).findFile(eq("demo"), eq("1.0.0"), any());
    verify(variables).fromPath(path, PypiFormat.NAME);
  }

  @Test
  void aFileNamedWithAnotherSpellingOfItsReleaseIsRefusedNamingTheReleasesOwn() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    when(content.releaseVersion("demo", Version.parse("1.0"))).thenReturn(Optional.of("1.0.0"));

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("Filename '" + WHEEL + "' is invalid, should be "
        + "'demo-1.0.0-py3-none-any.whl'"), refused.getMessage());
    verify(content, never()).store(any(), anyBoolean());
    verifyNoInteractions(permissions);
  }

  @Test
  void theSameBytesCommittedMeanwhileByAConcurrentUploadStoreNothing() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    when(content.store(any(), anyBoolean())).thenReturn(false);

    assertEquals(PypiHostedFacet.Outcome.UNCHANGED, facet.publish(upload(SHA256)));
  }

  @Test
  void theSameBytesAgainStoreNothing() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    stored(SHA256);

    assertEquals(PypiHostedFacet.Outcome.UNCHANGED, facet.publish(upload(SHA256)));

    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void otherBytesUnderATakenNameAreRefusedOnce() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    stored(OTHER_SHA256);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("File already exists ('" + WHEEL + "', with sha256 hash '"
        + OTHER_SHA256 + "')"), refused.getMessage());
    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void otherBytesReplaceTheFileUnderAllowWithEdit() throws Exception {
    writePolicy(WritePolicy.ALLOW);
    permit(ADD, true);
    stored(OTHER_SHA256);

    assertStoredWith(EDIT);
  }

  @Test
  void theSameBytesUnderAnotherSpellingOfTheNameStoreNothing() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    stored("/packages/demo/1.0/Demo-1.0-py3-none-any.whl", SHA256);

    assertEquals(PypiHostedFacet.Outcome.UNCHANGED, facet.publish(upload(SHA256)));

    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void otherBytesUnderAnotherSpellingOfTheNameAreRefusedEvenWhereFilesMayBeReplaced() throws Exception {
    writePolicy(WritePolicy.ALLOW);
    permit(ADD, true);
    stored("/packages/demo/1.0/Demo-1.0-py3-none-any.whl", OTHER_SHA256);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("File already exists"), refused.getMessage());
    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void replacingWithoutEditIsRefusedNamingThePrivilege() throws Exception {
    writePolicy(WritePolicy.ALLOW);
    permit(ADD, true);
    stored(OTHER_SHA256);

    assertRefusedWithout(EDIT, "Replacing '" + WHEEL + "'");
  }

  @Test
  void withoutAddOnItsPathNobodyLearnsWhetherTheFileExists() throws Exception {
    // A team's content selector grants add on its own projects only: another team's file name, with the same bytes
    // or others, gets the same 403 as a new one, not PyPI's 200 or "already exists" with the stored hash.
    writePolicy(WritePolicy.ALLOW_ONCE);

    assertRefusedWithout(ADD, "Adding '" + WHEEL + "'");

    verify(content, never()).find(any());
  }

  @Test
  void aConcurrentUploadOfTheSameNameIsAlreadyExisting() throws Exception {
    writePolicy(WritePolicy.ALLOW_ONCE);
    permit(ADD, true);
    when(content.store(any(), anyBoolean())).thenThrow(new IllegalOperationException("Repository does not allow updating assets"));

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.publish(upload(SHA256)));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("File already exists ('" + WHEEL + "')"), refused.getMessage());
  }
}
