package io.github.nexuspypi.repository.pypi;

import java.io.IOException;
import java.util.Optional;

import io.github.nexuspypi.core.index.SimpleFormat;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;

/**
 * The simple repository API's pages of one repository, whatever the repository's type builds them from. The content
 * carries its ETag and Last-Modified, so that clients revalidate with a 304.
 */
@Facet.Exposed
public interface PypiIndexFacet
    extends Facet
{
  Content rootPage(Context context, SimpleFormat format) throws IOException;

  /** The page of a normalised project name; empty when the repository holds no file of it. */
  Optional<Content> projectPage(Context context, String project, SimpleFormat format) throws IOException;
}
