package io.github.nexuspypi.repository.pypi.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistributionContentTypesTest
{
  @ParameterizedTest
  @CsvSource({
      "demo-1.0-py3-none-any.whl, application/zip",
      "Demo-1.0-PY3-NONE-ANY.WHL, application/zip",
      "demo-1.0.zip, application/zip",
      "demo-1.0.tar.gz, application/gzip",
      "demo-1.0.tgz, application/gzip",
      "demo-1.0-py3-none-any.whl.metadata, text/plain",
      "demo-1.0-py2.7.egg, application/octet-stream",
      "demo-1.0.win32.exe, application/octet-stream",
      "demo-1.0.tar.bz2, application/octet-stream"
  })
  void theTypeComesFromTheFilesNameWhateverItsCase(final String filename, final String type) {
    assertEquals(type, DistributionContentTypes.of(filename));
  }
}
