package io.github.nexuspypi.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hudson.Extension;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The PyPI servers jobs publish to by id, in <em>Manage Jenkins → System</em>, and in Configuration as Code as
 * {@code unclassified: pypiPublisher: servers: [...]}.
 */
@Extension
@Symbol("pypiPublisher")
public class PypiPublisherConfiguration
    extends GlobalConfiguration
{
  private List<PypiServer> servers = new ArrayList<>();

  public PypiPublisherConfiguration() {
    load();
  }

  public static PypiPublisherConfiguration get() {
    return Jenkins.get().getDescriptorByType(PypiPublisherConfiguration.class);
  }

  public List<PypiServer> getServers() {
    return servers;
  }

  @DataBoundSetter
  public void setServers(final List<PypiServer> servers) {
    this.servers = servers == null ? new ArrayList<>() : new ArrayList<>(servers);
    save();
  }

  /**
   * A form from which the last server was removed sends no server list at all, and binding it would keep the old
   * one: start from none, so that what is saved is what the form shows.
   */
  @Override
  public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
    servers = new ArrayList<>();
    req.bindJSON(this, json);
    save();
    return true;
  }

  public Optional<PypiServer> server(final String id) {
    return PypiServer.byId(servers, id);
  }
}
