package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectListFiles;

import org.sonatype.nexus.common.hash.HashAlgorithm;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_UPSTREAM_ROOT;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA1;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA256;

/**
 * Keeps the upstream root page in both formats, converted as it streams in: pypi.org's lists over 600 000 projects,
 * so the list is never held, neither while fetching nor while serving. Only valid project names are kept.
 */
final class UpstreamRoot
{
  private static final List<HashAlgorithm> HASHING = List.of(SHA1, SHA256);

  private final Path temporaryDirectory;

  UpstreamRoot(final Path temporaryDirectory) {
    this.temporaryDirectory = temporaryDirectory;
  }

  /** Stores both formats and answers with the JSON copy, which carries the cache's age. */
  Content store(final PypiContentFacet content, final Content fetched) throws IOException {
    ProjectListFiles converted = ProjectListFiles.create(temporaryDirectory, "pypi-root-");
    try {
      convert(fetched, converted);
      try (TempBlob htmlBlob = content.blobs().ingest(converted.file(SimpleFormat.TEXT_HTML),
          SimpleFormat.TEXT_HTML.mediaType(), HASHING, false);
           TempBlob jsonBlob = content.blobs().ingest(converted.file(SimpleFormat.JSON_V1),
               SimpleFormat.JSON_V1.mediaType(), HASHING, false)) {
        content.storeFetched(ProxyTarget.ROOT_HTML, KIND_UPSTREAM_ROOT, Optional.empty(), htmlBlob, Map.of(), fetched);
        return content.storeFetched(ProxyTarget.ROOT_JSON, KIND_UPSTREAM_ROOT, Optional.empty(), jsonBlob, Map.of(),
            fetched).download();
      }
    }
    finally {
      converted.delete();
    }
  }

  /** Upstream's root into both formats, closed once whole. */
  static void convert(final Content fetched, final ProjectListFiles converted) throws IOException {
    try (InputStream in = fetched.openInputStream()) {
      SimplePages.parseIndex(in, fetched.getContentType(), entry -> {
        if (!ProjectName.isValid(entry.name())) {
          // Markup, a script URL or a path where a name should be: no project, and no link on the proxy's page.
          return;
        }
        try {
          converted.add(entry);
        }
        catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      converted.close();
    }
    catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
