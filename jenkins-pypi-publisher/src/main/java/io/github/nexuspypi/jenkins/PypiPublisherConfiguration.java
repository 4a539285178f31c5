package io.github.nexuspypi.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hudson.Extension;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

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

  public Optional<PypiServer> server(final String id) {
    return PypiServer.byId(servers, id);
  }
}
