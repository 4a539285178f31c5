package io.github.nexuspypi.core.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.core.metadata.CoreMetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WarehouseJsonWriterTest
{
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String SHA256 = "70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6";

  private static final String MD5 = "fa3ee5ac3f1b3f4368bd74ab530d3f0f";

  private static final String BLAKE2B = "f9e2a6c7d2b6e0ac5e1cc6b4c6e2f5b0e8cc8e4d6a9f2e9b1a3c5d7e9f0a1b2c";

  private static final String METADATA_SHA256 = "0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000";

  // Laid out as the METADATA of the requests 2.32.3 wheel (Metadata-Version 2.1, description in the body).
  private static final CoreMetadata REQUESTS = CoreMetadata.parse("""
      Metadata-Version: 2.1
      Name: requests
      Version: 2.32.3
      Summary: Python HTTP for Humans.
      Home-page: https://requests.readthedocs.io
      Author: Kenneth Reitz
      Author-email: me@kennethreitz.org
      License: Apache-2.0
      Project-URL: Documentation, https://requests.readthedocs.io
      Project-URL: Source, https://github.com/psf/requests
      Classifier: Development Status :: 5 - Production/Stable
      Classifier: License :: OSI Approved :: Apache Software License
      Requires-Python: >=3.8
      Description-Content-Type: text/markdown
      License-File: LICENSE
      Requires-Dist: charset-normalizer <4,>=2
      Requires-Dist: idna <4,>=2.5
      Provides-Extra: socks
      Requires-Dist: PySocks !=1.5.7,>=1.5.6 ; extra == 'socks'

      # Requests

      **Requests** is a simple, yet elegant, HTTP library.
      """.getBytes(StandardCharsets.UTF_8));

  private static final WarehouseFile WHEEL = WarehouseFile.of(
      DistributionLink.builder("requests-2.32.3-py3-none-any.whl",
              "https://nexus.example/repository/pypi/packages/requests/2.32.3/requests-2.32.3-py3-none-any.whl")
          .hashes(Map.of("sha256", SHA256, "md5", MD5, "blake2b_256", BLAKE2B))
          .size(64928L)
          .uploadTime(Instant.parse("2024-05-29T15:37:47.120808Z"))
          .requiresPython(">=3.8")
          .coreMetadata(CoreMetadataRef.sha256(METADATA_SHA256))
          .build(), "bdist_wheel", "py3");

  private static final WarehouseRelease CURRENT = new WarehouseRelease("2.32.3", null, List.of(WHEEL));

  private static final WarehouseRelease YANKED = new WarehouseRelease("2.32.0",
      new Yank("Yanked due to conflicts with CVE-2024-35195 mitigation"), List.of(new WarehouseFile(
      "requests-2.32.0.tar.gz", "https://files.example/requests-2.32.0.tar.gz", "sdist", "source",
      Map.of("sha256", SHA256), null, null, null, null)));

  private static final WarehouseRelease EMPTY = new WarehouseRelease("0.0.1", null, List.of());

  private static final WarehouseJsonWriter WRITER = new WarehouseJsonWriter(WarehouseUrls.under("https://nexus.example/simple"));

  private static JsonNode project() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WRITER.writeProject(REQUESTS, CURRENT, List.of(CURRENT, YANKED, EMPTY), 23839593L, out);
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void writesInfoFromTheCoreMetadata() throws IOException {
    assertEquals(MAPPER.readTree("""
        {"author": "Kenneth Reitz", "author_email": "me@kennethreitz.org", "bugtrack_url": null,
         "classifiers": ["Development Status :: 5 - Production/Stable",
                         "License :: OSI Approved :: Apache Software License"],
         "description": "# Requests\\n\\n**Requests** is a simple, yet elegant, HTTP library.\\n",
         "description_content_type": "text/markdown", "docs_url": null, "download_url": null,
         "downloads": {"last_day": -1, "last_month": -1, "last_week": -1}, "dynamic": null,
         "home_page": "https://requests.readthedocs.io", "keywords": null, "license": "Apache-2.0",
         "license_expression": null, "license_files": ["LICENSE"], "maintainer": null, "maintainer_email": null,
         "name": "requests", "package_url": "https://nexus.example/simple/requests/", "platform": null,
         "project_url": "https://nexus.example/simple/requests/",
         "project_urls": {"Documentation": "https://requests.readthedocs.io",
                          "Source": "https://github.com/psf/requests"},
         "provides_extra": ["socks"], "release_url": "https://nexus.example/simple/requests/2.32.3/",
         "requires_dist": ["charset-normalizer <4,>=2", "idna <4,>=2.5",
                           "PySocks !=1.5.7,>=1.5.6 ; extra == 'socks'"],
         "requires_python": ">=3.8", "summary": "Python HTTP for Humans.", "version": "2.32.3",
         "yanked": false, "yanked_reason": null}
        """), project().get("info"));
  }

  @Test
  void writesTheFilesOfTheSelectedRelease() throws IOException {
    assertEquals(MAPPER.readTree("""
        [{"comment_text": "", "core-metadata": {"sha256": "%s"},
          "digests": {"blake2b_256": "%s", "md5": "%s", "sha256": "%s"}, "downloads": -1,
          "filename": "requests-2.32.3-py3-none-any.whl", "has_sig": false, "md5_digest": "%s",
          "packagetype": "bdist_wheel", "python_version": "py3", "requires_python": ">=3.8", "size": 64928,
          "upload_time": "2024-05-29T15:37:47", "upload_time_iso_8601": "2024-05-29T15:37:47.120808Z",
          "url": "https://nexus.example/repository/pypi/packages/requests/2.32.3/requests-2.32.3-py3-none-any.whl",
          "yanked": false, "yanked_reason": null}]
        """.formatted(METADATA_SHA256, BLAKE2B, MD5, SHA256, MD5)), project().get("urls"));
  }

  @Test
  void listsEveryReleaseInVersionOrder() throws IOException {
    JsonNode releases = project().get("releases");

    assertEquals(List.of("0.0.1", "2.32.0", "2.32.3"), iterable(releases.fieldNames()));
    assertEquals(MAPPER.readTree("[]"), releases.get("0.0.1"));
    assertEquals(project().get("urls"), releases.get("2.32.3"));
    assertEquals(MAPPER.readTree("""
        [{"comment_text": "", "core-metadata": false,
          "digests": {"blake2b_256": null, "md5": null, "sha256": "%s"}, "downloads": -1,
          "filename": "requests-2.32.0.tar.gz", "has_sig": false, "md5_digest": null, "packagetype": "sdist",
          "python_version": "source", "requires_python": null, "size": null, "upload_time": null,
          "upload_time_iso_8601": null, "url": "https://files.example/requests-2.32.0.tar.gz", "yanked": true,
          "yanked_reason": "Yanked due to conflicts with CVE-2024-35195 mitigation"}]
        """.formatted(SHA256)), releases.get("2.32.0"));
  }

  @Test
  void writesTheDocumentAroundThem() throws IOException {
    JsonNode json = project();

    assertEquals(List.of("info", "last_serial", "releases", "urls", "vulnerabilities"), iterable(json.fieldNames()));
    assertEquals(23839593L, json.get("last_serial").asLong());
    assertEquals(MAPPER.readTree("[]"), json.get("vulnerabilities"));
  }

  @Test
  void leavesReleasesOutOfTheVersionDocument() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WRITER.writeRelease(REQUESTS, YANKED, 7L, out);
    JsonNode json = MAPPER.readTree(out.toByteArray());

    assertFalse(json.has("releases"));
    assertEquals("2.32.0", json.at("/info/version").asText());
    assertEquals(true, json.at("/info/yanked").asBoolean());
    assertEquals("Yanked due to conflicts with CVE-2024-35195 mitigation", json.at("/info/yanked_reason").asText());
    assertEquals("https://nexus.example/simple/requests/2.32.0/", json.at("/info/release_url").asText());
    assertEquals("requests-2.32.0.tar.gz", json.at("/urls/0/filename").asText());
  }

  // setuptools before 2022 wrote UNKNOWN for every field it was not given; Warehouse drops those values.
  @Test
  void treatsUnknownAsAbsent() throws IOException {
    CoreMetadata old = CoreMetadata.parse("""
        Metadata-Version: 1.0
        Name: Foo.Bar
        Version: 0.1
        Summary: UNKNOWN
        Home-page: UNKNOWN
        Author: UNKNOWN
        Author-email: UNKNOWN
        License: UNKNOWN
        Description: UNKNOWN
        Platform: UNKNOWN
        """.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new WarehouseJsonWriter(WarehouseUrls.under("https://pypi.example/project/")).writeRelease(old,
        new WarehouseRelease("0.1", Yank.WITHOUT_REASON, List.of()), 1L, out);
    JsonNode info = MAPPER.readTree(out.toByteArray()).get("info");

    for (String field : List.of("summary", "home_page", "author", "author_email", "license", "description",
        "platform", "requires_dist", "project_urls", "provides_extra")) {
      assertEquals(true, info.get(field).isNull(), field);
    }
    assertEquals(MAPPER.readTree("[]"), info.get("classifiers"));
    assertEquals("Foo.Bar", info.get("name").asText());
    assertEquals("https://pypi.example/project/foo-bar/", info.get("project_url").asText());
    assertEquals("", info.get("yanked_reason").asText());
  }

  @Test
  void joinsSeveralPlatforms() throws IOException {
    CoreMetadata metadata = CoreMetadata.parse("Metadata-Version: 1.1\nName: x\nVersion: 1\nPlatform: linux\n"
        .concat("Platform: win32\n").getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WRITER.writeRelease(metadata, new WarehouseRelease("1", null, List.of()), 1L, out);

    assertEquals("linux, win32", MAPPER.readTree(out.toByteArray()).at("/info/platform").asText());
  }

  private static List<String> iterable(final java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
