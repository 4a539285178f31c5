package io.github.nexuspypi.jenkins;

import java.io.File;
import java.util.List;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.nexuspypi.jenkins.publish.DistributionPublisher;
import io.github.nexuspypi.jenkins.publish.MaskingLog;
import io.github.nexuspypi.jenkins.publish.PublishException;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import jenkins.MasterToSlaveFileCallable;

/**
 * The publish, run where the workspace is: files go from the agent to the repository, not through the controller.
 */
final class PublishCallable
    extends MasterToSlaveFileCallable<PublishReport>
{
  private static final long serialVersionUID = 1L;

  private final PublishSettings settings;

  private final TaskListener listener;

  PublishCallable(final PublishSettings settings, final TaskListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public PublishReport invoke(final File workspace, final VirtualChannel channel) throws InterruptedException {
    MaskingLog log = new MaskingLog(line -> listener.getLogger().println(line),
        settings.credentials() == null ? List.of() : List.of(settings.credentials().secret()));
    try {
      return PublishReport.published(new DistributionPublisher(settings).publish(workspace.toPath(), log));
    }
    catch (PublishException e) {
      return PublishReport.failed(e.publishedBefore(), log.mask(e.getMessage()));
    }
  }
}
