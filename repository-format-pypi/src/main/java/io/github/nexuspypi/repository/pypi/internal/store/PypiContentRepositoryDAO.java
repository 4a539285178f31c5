package io.github.nexuspypi.repository.pypi.internal.store;

import org.sonatype.nexus.repository.content.store.ContentRepositoryDAO;

/**
 * Table {@code pypi_content_repository}; the template DAO's queries are enough.
 */
public interface PypiContentRepositoryDAO
    extends ContentRepositoryDAO
{
}
