package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.IndexFormatException;
import io.github.nexuspypi.core.index.ProjectPageSink;
import io.github.nexuspypi.core.index.ProjectPageWriter;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.sonatype.nexus.common.hash.HashAlgorithm;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_UPSTREAM_PAGE;

/**
 * Keeps a project's upstream page as PEP 691 JSON, converted as it streams in: an upstream page runs to tens of
 * MiB (300 000 files), and several may arrive at once, so neither the page nor its model is ever held.
 */
final class UpstreamPage
{
  // numpy's JSON page on pypi.org is a few MiB: this bounds a hostile upstream, not a real one.
  static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

  // pypi.org's largest projects list tens of thousands of files. Rendering a page for clients remembers the versions
  // of its files, so a page of countless tiny entries would cost memory at every request.
  static final int MAX_FILES = 500_000;

  private final Path temporaryDirectory;

  private final List<HashAlgorithm> hashing;

  UpstreamPage(final Path temporaryDirectory, final List<HashAlgorithm> hashing) {
    this.temporaryDirectory = temporaryDirectory;
    this.hashing = hashing;
  }

  /** Stores the kept copy of {@code target}'s page and answers with it. */
  Content store(final PypiContentFacet content, final ProxyTarget target, final Content fetched, final URI pageUrl)
      throws IOException
  {
    Path kept = Files.createTempFile(temporaryDirectory, "pypi-page-", ".json");
    try {
      try (InputStream in = new SizeLimitedInputStream(fetched.openInputStream(), MAX_PAGE_BYTES,
          "The upstream page of '" + target.project() + "'");
           OutputStream out = new BufferedOutputStream(Files.newOutputStream(kept))) {
        convert(in, fetched.getContentType(), pageUrl, target.project(), out);
      }
      try (TempBlob blob = content.blobs().ingest(kept, SimpleFormat.JSON_V1.mediaType(), hashing, false)) {
        return content.storeFetched(target.cachePath(), KIND_UPSTREAM_PAGE, Optional.empty(), blob, Map.of(),
            fetched).download();
      }
    }
    finally {
      Files.deleteIfExists(kept);
    }
  }

  /**
   * The page as the proxy keeps it: named for the project asked for, with the files {@link ProxiedLinks#isKept}
   * keeps, each with its upstream URL resolved against {@code pageUrl}.
   */
  void convert(final InputStream upstream, final String contentType, final URI pageUrl, final String project,
               final OutputStream kept) throws IOException
  {
    try (ProjectPageWriter page = ProjectPageWriter.json(kept, project, temporaryDirectory)) {
      SimplePages.readProject(upstream, contentType, pageUrl, new ProjectPageSink()
      {
        private int files;

        @Override
        public void file(final DistributionLink file) throws IOException {
          if (++files > MAX_FILES) {
            throw new IndexFormatException("The upstream page of '" + project + "' lists more than " + MAX_FILES
                + " files, more than this proxy takes from a page.");
          }
          if (ProxiedLinks.isKept(file)) {
            page.file(file);
          }
        }

        @Override
        public void version(final String version) throws IOException {
          page.version(version);
        }
      });
    }
  }
}
