package io.github.nexuspypi.repository.pypi.internal.browse;

import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.content.browse.ComponentPathBrowseNodeGenerator;

/**
 * Browse tree {@code packages/<project>/<version>/<file>}: the version folder is the component (one release),
 * its files and their {@code .metadata} the assets.
 */
@Singleton
@Named(PypiFormat.NAME)
public class PypiBrowseNodeGenerator
    extends ComponentPathBrowseNodeGenerator
{
}
