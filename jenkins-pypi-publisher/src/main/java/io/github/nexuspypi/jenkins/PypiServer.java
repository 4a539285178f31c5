package io.github.nexuspypi.jenkins;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import hudson.AbortException;
import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.nexuspypi.jenkins.publish.ConnectionCheck;
import io.github.nexuspypi.jenkins.publish.PublishException;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.Text;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A PyPI repository that jobs publish to by its id: {@code pypiPublish server: 'nexus'}. Configured once in
 * <em>Manage Jenkins → System</em> or through Configuration as Code.
 */
public class PypiServer
    implements Describable<PypiServer>
{
  private final String id;

  private final String repositoryUrl;

  private String credentialsId;

  @DataBoundConstructor
  public PypiServer(final String id, final String repositoryUrl) {
    this.id = Text.trimmedOrNull(id);
    this.repositoryUrl = Text.trimmedOrNull(repositoryUrl);
  }

  public String getId() {
    return id;
  }

  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(final String credentialsId) {
    this.credentialsId = Text.trimmedOrNull(credentialsId);
  }

  /** The server of this id among {@code servers}. */
  static Optional<PypiServer> byId(final List<PypiServer> servers, final String id) {
    return servers.stream().filter(server -> server.getId() != null && server.getId().equals(id)).findFirst();
  }

  /** An id that two of {@code servers} share, if any. */
  static Optional<String> duplicateId(final List<PypiServer> servers) {
    Set<String> seen = new HashSet<>();
    return servers.stream().map(PypiServer::getId).filter(Objects::nonNull).filter(id -> !seen.add(id))
        .findFirst();
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof PypiServer && Objects.equals(id, ((PypiServer) other).id)
        && Objects.equals(repositoryUrl, ((PypiServer) other).repositoryUrl)
        && Objects.equals(credentialsId, ((PypiServer) other).credentialsId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, repositoryUrl, credentialsId);
  }

  @Extension
  public static class DescriptorImpl
      extends Descriptor<PypiServer>
  {
    @Override
    public String getDisplayName() {
      return Messages.PypiServer_DisplayName();
    }

    @POST
    public FormValidation doCheckId(@QueryParameter final String value) {
      String id = Text.trimmedOrNull(value);
      if (id == null) {
        return FormValidation.error(Messages.PypiServer_IdRequired());
      }
      return id.matches("[A-Za-z0-9._-]+") ? FormValidation.ok()
          : FormValidation.error(Messages.PypiServer_IdCharacters());
    }

    @POST
    public FormValidation doCheckRepositoryUrl(@QueryParameter final String value) {
      return RepositoryUrlCheck.check(value);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter final String repositoryUrl,
                                                 @QueryParameter final String credentialsId)
    {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      return UploadCredentialsLookup.choices(Jenkins.get(), repositoryUrl, credentialsId);
    }

    /**
     * "Test connection": reads the repository's simple index with the chosen credentials, or, for an upload-only
     * endpoint such as PyPI's, reaches it.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter final String repositoryUrl,
                                           @QueryParameter final String credentialsId)
    {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      Optional<String> unusable = RepositoryUrlCheck.error(repositoryUrl);
      if (unusable.isPresent()) {
        return FormValidation.error(unusable.get());
      }
      try {
        PublishSettings settings = PublishSettings.to(repositoryUrl)
            .credentials(UploadCredentialsLookup.global(repositoryUrl, Text.trimmedOrNull(credentialsId)))
            .build();
        // On the controller: through the proxy configured in Jenkins, as every request Jenkins itself sends.
        return FormValidation.ok(new ConnectionCheck(settings, ProxyConfiguration.newHttpClientBuilder()).run());
      }
      catch (PublishException | AbortException e) {
        return FormValidation.error(e.getMessage());
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FormValidation.error(Messages.PypiServer_Interrupted());
      }
    }
  }
}
