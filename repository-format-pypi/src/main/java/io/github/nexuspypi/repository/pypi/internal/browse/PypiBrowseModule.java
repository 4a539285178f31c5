package io.github.nexuspypi.repository.pypi.internal.browse;

import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.content.browse.store.FormatBrowseModule;

@Named(PypiFormat.NAME)
public class PypiBrowseModule
    extends FormatBrowseModule<PypiBrowseNodeDAO>
{
}
