package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;

import com.google.common.hash.Hashing;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_METADATA;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_BLAKE2B_256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_MD5;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PACKAGE_TYPE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYTHON_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_UPLOAD_TIME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Assets as the content store hands them back: a path, a kind and the {@code pypi} attributes the plugin wrote.
 * They are data, not expectations, so they are lenient mocks whose default methods ({@code attributes(key)},
 * {@code withAttribute}) run as Nexus wrote them.
 */
public final class StoredAssets
{
  private StoredAssets() {
  }

  /** A distribution file under {@code path}, whose name is the path's last segment. */
  public static FluentAsset distribution(final String path) {
    return distribution(path, digestOf(path));
  }

  public static FluentAsset distribution(final String path, final String sha256) {
    String filename = path.substring(path.lastIndexOf('/') + 1);
    Map<String, Object> pypi = new HashMap<>();
    pypi.put(P_FILENAME, filename);
    pypi.put(P_PACKAGE_TYPE, filename.endsWith(".whl") ? "bdist_wheel" : "sdist");
    pypi.put(P_PYTHON_VERSION, filename.endsWith(".whl") ? "py3" : "source");
    pypi.put(P_SHA256, sha256);
    pypi.put(P_MD5, "md5-of-" + filename);
    pypi.put(P_BLAKE2B_256, "blake2b-of-" + filename);
    pypi.put(P_SIZE, 1234L);
    pypi.put(P_UPLOAD_TIME, "2024-05-01T12:00:00Z");
    pypi.put(P_YANKED, false);
    return asset(path, KIND_DISTRIBUTION, pypi);
  }

  /** The {@code .metadata} file of the distribution at {@code distributionPath}. */
  public static FluentAsset metadata(final String distributionPath) {
    return metadata(distributionPath, digestOf(PypiPaths.metadataOf(distributionPath)));
  }

  public static FluentAsset metadata(final String distributionPath, final String sha256) {
    Map<String, Object> pypi = new HashMap<>();
    pypi.put(P_SHA256, sha256);
    pypi.put(P_SIZE, 321L);
    return asset(PypiPaths.metadataOf(distributionPath), KIND_METADATA, pypi);
  }

  public static FluentAsset asset(final String path, final String kind, final Map<String, Object> pypi) {
    FluentAsset asset = mock(FluentAsset.class, withSettings().lenient().defaultAnswer(CALLS_REAL_METHODS));
    doReturn(path).when(asset).path();
    doReturn(kind).when(asset).kind();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(P_PYPI, pypi);
    doReturn(new NestedAttributesMap("attributes", attributes)).when(asset).attributes();
    return asset;
  }

  // A digest that differs from file to file, where a test does not care which.
  private static String digestOf(final String path) {
    return Hashing.sha256().hashString(path, StandardCharsets.UTF_8).toString();
  }

  /** The asset's {@code pypi} attributes, to change a fixture before use. */
  public static Map<String, Object> pypi(final FluentAsset asset) {
    return asset.attributes(P_PYPI).backing();
  }
}
