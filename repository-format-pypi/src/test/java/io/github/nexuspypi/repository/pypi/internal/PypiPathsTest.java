package io.github.nexuspypi.repository.pypi.internal;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PypiPathsTest
{
  private static final String WHEEL = "/packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl";

  @Test
  void filesLiveUnderProjectAndVersion() {
    assertEquals(WHEEL, PypiPaths.distribution("foo-bar", "1.0", "foo_bar-1.0-py3-none-any.whl"));
    assertEquals(WHEEL + ".metadata", PypiPaths.metadataOf(WHEEL));
    assertTrue(PypiPaths.isMetadata(WHEEL + ".metadata"));
    assertFalse(PypiPaths.isMetadata(WHEEL));
  }

  @Test
  void readsProjectAndVersionBackFromAPath() {
    assertEquals(Optional.of("foo-bar"), PypiPaths.projectOf(WHEEL));
    assertEquals(Optional.of("1.0"), PypiPaths.versionOf(WHEEL));
    assertEquals(Optional.of("1.0"), PypiPaths.versionOf(WHEEL + ".metadata"));
    assertEquals(Optional.of("foo"), PypiPaths.projectOf("/simple/foo/upstream.json"), "a proxy's cached page");
    assertEquals(Optional.empty(), PypiPaths.projectOf("/simple/index.json"));
    assertEquals(Optional.empty(), PypiPaths.projectOf("/packages/foo"));
    assertEquals(Optional.empty(), PypiPaths.versionOf("/packages/foo/1.0"));
  }

  @Test
  void pageLinksClimbFromSimpleProjectToPackages() {
    // /simple/foo-bar/ + ../../packages/... = /packages/...
    assertEquals("../../packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl", PypiPaths.linkFromProjectPage(WHEEL));
  }

  @Test
  void pageLinksPercentEncodeEverySegment() {
    assertEquals("../../packages/foo/1.0%3Fx%3D1/foo-1.0.tar.gz%3Fx%3D1%23y%250d%250a%C3%A9",
        PypiPaths.linkFromProjectPage("/packages/foo/1.0?x=1/foo-1.0.tar.gz?x=1#y%0d%0a\u00e9"));
    assertEquals("../../packages/foo/1!2.0+local.7/foo-1!2.0+local.7.tar.gz",
        PypiPaths.linkFromProjectPage("/packages/foo/1!2.0+local.7/foo-1!2.0+local.7.tar.gz"),
        "epochs and local versions as they are");
  }

  @Test
  void projectPrefixEndsWithASlashSoThatFooDoesNotMatchFooBar() {
    assertEquals("/packages/foo/", PypiPaths.projectPrefix("foo"));
    assertFalse(WHEEL.startsWith(PypiPaths.projectPrefix("foo")));
  }
}
