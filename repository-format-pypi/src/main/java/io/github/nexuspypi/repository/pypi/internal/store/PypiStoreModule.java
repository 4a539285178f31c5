package io.github.nexuspypi.repository.pypi.internal.store;

import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.content.store.FormatStoreModule;

/**
 * Binds the {@code pypi} content store; Nexus requires the class name to start with the format's name.
 */
@Named(PypiFormat.NAME)
public class PypiStoreModule
    extends FormatStoreModule<PypiContentRepositoryDAO, PypiComponentDAO, PypiAssetDAO, PypiAssetBlobDAO>
{
}
