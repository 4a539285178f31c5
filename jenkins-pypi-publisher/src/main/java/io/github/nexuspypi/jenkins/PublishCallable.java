package io.github.nexuspypi.jenkins;

import java.io.File;
import java.io.IOException;
import java.util.List;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.nexuspypi.jenkins.publish.DistributionPublisher;
import io.github.nexuspypi.jenkins.publish.MaskingLog;
import io.github.nexuspypi.jenkins.publish.PublishException;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.PublishedFile;
import jenkins.MasterToSlaveFileCallable;

/**
 * The publish, run where the workspace is: files go from the agent to the repository, not through the controller.
 */
final class PublishCallable
    extends MasterToSlaveFileCallable<List<PublishedFile>>
{
  private static final long serialVersionUID = 1L;

  private final PublishSettings settings;

  private final TaskListener listener;

  PublishCallable(final PublishSettings settings, final TaskListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public List<PublishedFile> invoke(final File workspace, final VirtualChannel channel)
      throws IOException, InterruptedException
  {
    MaskingLog log = new MaskingLog(line -> listener.getLogger().println(line),
        settings.credentials() == null ? List.of() : List.of(settings.credentials().secret()));
    try {
      return new DistributionPublisher(settings).publish(workspace.toPath(), log);
    }
    catch (PublishException e) {
      throw new AbortException(log.mask(e.getMessage()));
    }
  }
}
