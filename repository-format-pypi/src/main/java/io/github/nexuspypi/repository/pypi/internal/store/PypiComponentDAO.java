package io.github.nexuspypi.repository.pypi.internal.store;

import org.sonatype.nexus.repository.content.store.ComponentDAO;

/**
 * Table {@code pypi_component}; the template DAO's queries are enough.
 */
public interface PypiComponentDAO
    extends ComponentDAO
{
}
