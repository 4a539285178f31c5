package io.github.nexuspypi.jenkins;

import java.io.IOException;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.Text;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import com.cloudbees.plugins.credentials.CredentialsProvider;

/**
 * {@code pypiPublish}: publishes a build's wheels and sdists to a PyPI repository, from a Pipeline or as a freestyle
 * job's post-build action. Either {@code server} (one of the global list) or {@code repositoryUrl} with an optional
 * {@code credentialsId} says where; the rest says what and how.
 */
public class PypiPublishStep
    extends Recorder
    implements SimpleBuildStep
{
  private String server;

  private String repositoryUrl;

  private String credentialsId;

  private String files = PublishSettings.DEFAULT_FILES;

  private boolean skipExisting;

  private boolean failWhenNothingMatches = true;

  private int retries = 3;

  private boolean dryRun;

  // A job saved before this option existed has no value for it, and XStream runs no initialiser: null is the
  // default, skipping, so that such a job does not start publishing from failed builds.
  private Boolean onlyIfSuccessful;

  @DataBoundConstructor
  public PypiPublishStep() {
  }

  public String getServer() {
    return server;
  }

  @DataBoundSetter
  public void setServer(final String server) {
    this.server = Text.trimmedOrNull(server);
  }

  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  @DataBoundSetter
  public void setRepositoryUrl(final String repositoryUrl) {
    this.repositoryUrl = Text.trimmedOrNull(repositoryUrl);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(final String credentialsId) {
    this.credentialsId = Text.trimmedOrNull(credentialsId);
  }

  public String getFiles() {
    return files;
  }

  @DataBoundSetter
  public void setFiles(final String files) {
    String given = Text.trimmedOrNull(files);
    this.files = given == null ? PublishSettings.DEFAULT_FILES : given;
  }

  public boolean isSkipExisting() {
    return skipExisting;
  }

  @DataBoundSetter
  public void setSkipExisting(final boolean skipExisting) {
    this.skipExisting = skipExisting;
  }

  public boolean isFailWhenNothingMatches() {
    return failWhenNothingMatches;
  }

  @DataBoundSetter
  public void setFailWhenNothingMatches(final boolean failWhenNothingMatches) {
    this.failWhenNothingMatches = failWhenNothingMatches;
  }

  public int getRetries() {
    return retries;
  }

  @DataBoundSetter
  public void setRetries(final int retries) {
    this.retries = retries;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  @DataBoundSetter
  public void setDryRun(final boolean dryRun) {
    this.dryRun = dryRun;
  }

  public boolean isOnlyIfSuccessful() {
    return onlyIfSuccessful == null || onlyIfSuccessful;
  }

  /** Freestyle jobs only: Jenkins runs their post-build actions after a failure too, a Pipeline stops before. */
  @DataBoundSetter
  public void setOnlyIfSuccessful(final boolean onlyIfSuccessful) {
    this.onlyIfSuccessful = onlyIfSuccessful;
  }

  @Override
  public BuildStepMonitor getRequiredMonitorService() {
    return BuildStepMonitor.NONE;
  }

  @Override
  public void perform(final Run<?, ?> run, final FilePath workspace, final EnvVars env, final Launcher launcher,
                      final TaskListener listener) throws InterruptedException, IOException
  {
    if (isOnlyIfSuccessful() && run instanceof AbstractBuild && run.getResult() != null
        && run.getResult().isWorseThan(Result.SUCCESS))
    {
      listener.getLogger().println(Messages.PypiPublishStep_NotPublishingFromFailedBuild(run.getResult()));
      return;
    }
    PublishSettings settings = settings(run, env);
    PublishReport report = workspace.act(new PublishCallable(settings, listener));
    PublishedFilesAction.record(run, report.files());
    report.throwIfFailed();
  }

  /** Where to, as who and how, from this step's options, the global servers and the build's environment. */
  PublishSettings settings(final Run<?, ?> run, final EnvVars env) throws AbortException {
    String url = repositoryUrl == null ? null : env.expand(repositoryUrl);
    String credentials = credentialsId == null ? null : env.expand(credentialsId);
    if (server != null) {
      if (url != null) {
        throw new AbortException(Messages.PypiPublishStep_ServerAndUrlGiven());
      }
      PypiServer configured = PypiPublisherConfiguration.get().server(env.expand(server))
          .orElseThrow(() -> new AbortException(Messages.PypiPublishStep_NoSuchServer(server)));
      url = configured.getRepositoryUrl();
      credentials = credentials != null ? credentials : configured.getCredentialsId();
    }
    if (url == null) {
      throw new AbortException(Messages.PypiPublishStep_NowhereToPublish());
    }
    try {
      return PublishSettings.to(url)
          .credentials(UploadCredentialsLookup.forBuild(run, url, credentials))
          .files(env.expand(files))
          .skipExisting(skipExisting)
          .failWhenNothingMatches(failWhenNothingMatches)
          .retries(retries)
          .dryRun(dryRun)
          .build();
    }
    catch (IllegalArgumentException e) {
      throw new AbortException(Messages.PypiPublishStep_BadSetting(e.getMessage()));
    }
  }

  @Extension
  @Symbol("pypiPublish")
  public static class DescriptorImpl
      extends BuildStepDescriptor<Publisher>
  {
    @Override
    public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
      return true;
    }

    @Override
    public String getDisplayName() {
      return Messages.PypiPublishStep_DisplayName();
    }

    /** The servers' URLs are for who may configure the job, not for anyone who may read Jenkins. */
    @POST
    public ListBoxModel doFillServerItems(@AncestorInPath final Item item) {
      ListBoxModel items = new ListBoxModel();
      if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
        return items;
      }
      items.add(Messages.PypiPublishStep_NoServerChosen(), "");
      PypiPublisherConfiguration.get().getServers()
          .forEach(server -> items.add(server.getId() + " (" + server.getRepositoryUrl() + ")", server.getId()));
      return items;
    }

    @POST
    public FormValidation doCheckRepositoryUrl(@QueryParameter final String value,
                                               @QueryParameter final String server)
    {
      if (Text.trimmedOrNull(value) == null) {
        return Text.trimmedOrNull(server) == null
            ? FormValidation.error(Messages.PypiPublishStep_ServerOrUrlRequired()) : FormValidation.ok();
      }
      if (Text.trimmedOrNull(server) != null) {
        return FormValidation.error(Messages.PypiPublishStep_ServerAndUrl());
      }
      return RepositoryUrlCheck.check(value);
    }

    @POST
    public FormValidation doCheckRetries(@QueryParameter final String value) {
      try {
        // No value is no number: parseInt refuses null as it refuses "three".
        return Integer.parseInt(Text.trimmedOrNull(value)) >= 0 ? FormValidation.ok()
            : FormValidation.error(Messages.PypiPublishStep_RetriesNegative());
      }
      catch (NumberFormatException e) {
        return FormValidation.error(Messages.PypiPublishStep_RetriesNotANumber());
      }
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath final Item item,
                                                 @QueryParameter final String repositoryUrl,
                                                 @QueryParameter final String credentialsId)
    {
      if (item == null) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
          return new ListBoxModel();
        }
      }
      else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
        return new ListBoxModel();
      }
      return UploadCredentialsLookup.choices(item, repositoryUrl, credentialsId);
    }
  }
}
