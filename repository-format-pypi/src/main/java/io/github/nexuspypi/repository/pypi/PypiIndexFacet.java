package io.github.nexuspypi.repository.pypi;

import java.io.IOException;
import java.util.Optional;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.repository.Facet;

/**
 * The simple repository API's pages of one repository, whatever the repository's type builds them from.
 */
@Facet.Exposed
public interface PypiIndexFacet
    extends Facet
{
  RenderedPage rootPage(SimpleFormat format) throws IOException;

  /** The page of a normalised project name; empty when the repository holds no file of it. */
  Optional<RenderedPage> projectPage(String project, SimpleFormat format) throws IOException;
}
