package io.github.nexuspypi.core.filename;

import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionFilenameTest
{
  @Test
  void parsesPep427Example() throws Exception {
    // PEP 427 "File name convention": distribution-1.0-1-py27-none-any.whl
    WheelFilename wheel = (WheelFilename) DistributionFilename.parse("distribution-1.0-1-py27-none-any.whl");
    assertEquals("distribution", wheel.distribution());
    assertEquals("1.0", wheel.version());
    assertEquals(Optional.of("1"), wheel.buildTag());
    assertEquals(List.of("py27"), wheel.pythonTags());
    assertEquals(List.of("none"), wheel.abiTags());
    assertEquals(List.of("any"), wheel.platformTags());
    assertEquals(PackageType.BDIST_WHEEL, wheel.packageType());
  }

  // Real wheel names from pypi.org: tag sets, old escaping with dots and capitals, local versions, build tags.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pip-23.0.1-py3-none-any.whl|pip|pip|23.0.1||py3|none|any",
      "six-1.16.0-py2.py3-none-any.whl|six|six|1.16.0||py2.py3|none|any",
      "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl|numpy|numpy|1.26.4||cp312|cp312"
          + "|manylinux_2_17_x86_64.manylinux2014_x86_64",
      "zope.interface-6.0-cp311-cp311-win_amd64.whl|zope.interface|zope-interface|6.0||cp311|cp311|win_amd64",
      "Django-4.2-py3-none-any.whl|Django|django|4.2||py3|none|any",
      "torch-2.1.0+cu118-cp311-cp311-linux_x86_64.whl|torch|torch|2.1.0+cu118||cp311|cp311|linux_x86_64",
      "cryptography-41.0.7-cp37-abi3-macosx_10_12_universal2.whl|cryptography|cryptography|41.0.7||cp37|abi3"
          + "|macosx_10_12_universal2",
      "foo_bar-2.0-12b_x-py3-none-any.whl|foo_bar|foo-bar|2.0|12b_x|py3|none|any"
  })
  void parsesWheelNames(final String filename, final String distribution, final String key, final String version,
                        final String buildTag, final String python, final String abi, final String platform)
      throws Exception
  {
    WheelFilename wheel = assertInstanceOf(WheelFilename.class, DistributionFilename.parse(filename));
    assertEquals(filename, wheel.filename());
    assertEquals(distribution, wheel.distribution());
    assertEquals(key, wheel.projectKey());
    assertEquals(version, wheel.version());
    assertEquals(Optional.ofNullable(buildTag), wheel.buildTag());
    assertEquals(python, wheel.pythonTag());
    assertEquals(abi, wheel.abiTag());
    assertEquals(platform, wheel.platformTag());
    assertEquals(List.of(python.split("\\.")), wheel.pythonTags());
    assertEquals(List.of(platform.split("\\.")), wheel.platformTags());
    assertEquals(Version.parse(version), wheel.parsedVersion());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo-1.0-py3-none.whl|parts",
      "foo-1.0-1-x-py3-none-any.whl|parts",
      "foo-bar-1.0-py3-none-any.whl|'bar' is not a PEP 440 version",
      "foo-1.0-abc-py3-none-any.whl|build tag 'abc'",
      "foo-1.0--py3-none-any.whl|build tag ''",
      "foo-notaversion-py3-none-any.whl|'notaversion' is not a PEP 440 version",
      "-1.0-py3-none-any.whl|'' is not a valid project name",
      "foo_-1.0-py3-none-any.whl|'foo_' is not a valid project name",
      "foo-1.0-py3-none-.whl|'' is not a compatibility tag",
      "foo-1.0-py3.-none-any.whl|'py3.' is not a compatibility tag",
      "foo-1.0-py3-none-any+x.whl|'any+x' is not a compatibility tag"
  })
  void rejectsMalformedWheelNames(final String filename, final String reason) {
    String message = rejection(filename);
    assertTrue(message.startsWith("Filename '" + filename + "' is not a valid wheel name: "), message);
    assertTrue(message.contains(reason), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pip-23.0.1.tar.gz|pip|pip|23.0.1|.tar.gz",
      "flit_core-3.9.0.tar.gz|flit_core|flit-core|3.9.0|.tar.gz",
      "Zope.Interface-6.0.zip|Zope.Interface|zope-interface|6.0|.zip",
      "django-foo-1.0.tar.gz|django-foo|django-foo|1.0|.tar.gz",
      "foo-1.0-dev.tar.gz|foo|foo|1.0-dev|.tar.gz",
      "foo-bar-1.0-beta.tar.bz2|foo-bar|foo-bar|1.0-beta|.tar.bz2",
      "lxml-2.0.tar.xz|lxml|lxml|2.0|.tar.xz",
      "foo-v2.0.tgz|foo|foo|v2.0|.tgz",
      "foo-1.0.tar|foo|foo|1.0|.tar",
      "foo-1.0+local.1.tar.gz|foo|foo|1.0+local.1|.tar.gz",
      // Ambiguous without the project's name: the rightmost version-like part wins.
      "foo-1.0-1.tar.gz|foo-1.0|foo-1-0|1|.tar.gz"
  })
  void parsesSdistNames(final String filename, final String distribution, final String key, final String version,
                        final String extension) throws Exception
  {
    SdistFilename sdist = assertInstanceOf(SdistFilename.class, DistributionFilename.parse(filename));
    assertEquals(filename, sdist.filename());
    assertEquals(distribution, sdist.distribution());
    assertEquals(key, sdist.projectKey());
    assertEquals(version, sdist.version());
    assertEquals(extension, sdist.extension());
    assertEquals(PackageType.SDIST, sdist.packageType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo.tar.gz", "foo-bar.tar.gz", "-1.0.tar.gz", "foo-.zip", "foo_-1.0.tar.gz", ".tar.gz"})
  void rejectsSdistNamesWithoutNameAndVersion(final String filename) {
    String message = rejection(filename);
    assertTrue(message.startsWith("Filename '" + filename + "' is not a valid source distribution name"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo-1.0.egg", "foo-1.0.win32.exe", "foo-1.0.rpm", "foo-1.0.TAR.GZ", "foo-1.0.tar.Z",
      "foo-1.0-py3-none-any.WHL", "README", "foo-1.0.tar.gz.asc"})
  void rejectsUnknownExtensions(final String filename) {
    String message = rejection(filename);
    assertTrue(message.contains("unknown extension"), message);
    assertTrue(message.contains(".whl, .tar.gz or .zip"), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dir/foo-1.0.tar.gz|'/' or '\\'",
      "..\\foo-1.0.tar.gz|'/' or '\\'",
      "foo..bar-1.0.tar.gz|'..'",
      "foo 1.0.tar.gz|white space",
      "foo-1.0\u00a0.tar.gz|white space"
  })
  void refusesUnsafeNames(final String filename, final String reason) {
    assertTrue(rejection(filename).contains(reason), rejection(filename));
  }

  @Test
  void refusesControlCharactersWithoutEchoingThem() {
    String message = rejection("foo-1.0.tar.gz\r\nX-Injected: 1");
    assertTrue(message.contains("'foo-1.0.tar.gz\\x0d\\x0aX-Injected: 1'"), message);
    assertTrue(message.contains("non-printable"), message);
    assertFalse(message.contains("\r"));
    assertTrue(rejection("foo\u007f-1.0.tar.gz").contains("'foo\\x7f-1.0.tar.gz'"));
  }

  @Test
  void refusesEmptyNames() {
    assertTrue(rejection("").contains("empty"));
    assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse(null));
  }

  private static String rejection(final String filename) {
    return assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse(filename)).getMessage();
  }

  @Test
  void mapsFormValues() {
    assertEquals(Optional.of(PackageType.SDIST), PackageType.fromFormValue("sdist"));
    assertEquals(Optional.of(PackageType.BDIST_WHEEL), PackageType.fromFormValue("bdist_wheel"));
    assertEquals(Optional.empty(), PackageType.fromFormValue("bdist_egg"));
    assertEquals(Optional.empty(), PackageType.fromFormValue(null));
    assertEquals("bdist_wheel", PackageType.BDIST_WHEEL.formValue());
  }

  @ParameterizedTest
  @CsvSource({
      "Tiny.Demo-1.0.0-py3-none-any.whl, tiny_demo-1.0.0-py3-none-any.whl",
      "Demo_Pkg-01.0-7b-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl, "
          + "demo_pkg-1.0-7b-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      "Django-Foo-1.0RC1.tar.gz, django_foo-1.0rc1.tar.gz",
      "demo-1.0-post1.zip, demo-1.0.post1.zip",
      "tiny_demo-1.0.0.tar.gz, tiny_demo-1.0.0.tar.gz"
  })
  void everySpellingOfAFileHasOneCanonicalName(final String filename, final String canonical) throws Exception {
    assertEquals(canonical, DistributionFilename.parse(filename).canonical());
  }

  @Test
  void theCanonicalNameOfAnotherSpellingOfTheVersionKeepsEverythingElse() throws Exception {
    assertEquals("demo-1.0-2-py3-none-any.whl",
        DistributionFilename.parse("Demo-1.0.0-2-py3-none-any.whl").canonical(Version.parse("1.0")));
  }
}
