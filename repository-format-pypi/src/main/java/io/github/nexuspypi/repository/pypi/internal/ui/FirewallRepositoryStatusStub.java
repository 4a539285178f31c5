package io.github.nexuspypi.repository.pypi.internal.ui;

import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.extdirect.DirectComponentSupport;

import com.softwarementors.extjs.djn.config.annotations.DirectAction;
import com.softwarementors.extjs.djn.config.annotations.DirectMethod;

/**
 * The admin UI's repository editor asks this Pro-only ExtDirect action whether firewall is on before it renders any
 * form; the open-source base template lacks it, leaving every edit form blank. Answering "off" restores them.
 */
@Named
@Singleton
@DirectAction(action = "firewall_RepositoryStatus")
public class FirewallRepositoryStatusStub
    extends DirectComponentSupport
{
  @DirectMethod
  public boolean readCapabilitiesStatus(final String repositoryName) {
    return false;
  }
}
