package io.github.nexuspypi.repository.pypi.internal.browse;

import org.sonatype.nexus.repository.content.browse.store.BrowseNodeDAO;

/**
 * Table {@code pypi_browse_node}: Nexus's schema migrations alter it for every format, so it must exist even
 * before anything is browsed.
 */
public interface PypiBrowseNodeDAO
    extends BrowseNodeDAO
{
}
