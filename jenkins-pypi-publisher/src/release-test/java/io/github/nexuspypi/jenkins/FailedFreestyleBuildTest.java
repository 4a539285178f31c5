package io.github.nexuspypi.jenkins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.github.nexuspypi.jenkins.publish.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The freestyle post-build action in a real Jenkins, which runs post-build actions after a failed build too: the
 * publisher sends nothing from a failed build, and publishes once the same job succeeds. Runs in the release build
 * only (pom.xml).
 */
@WithJenkins
class FailedFreestyleBuildTest
{
  @TempDir
  Path dir;

  @Test
  void aFailedBuildPublishesNothingAndASuccessfulOnePublishes(final JenkinsRule j) throws Exception {
    Path wheel = TestWheels.write(dir, "freestyle-demo", "1.0", "");
    try (FakePypiRepository repository = FakePypiRepository.start()) {
      FreeStyleProject project = j.createFreeStyleProject();
      project.getBuildersList().add(new WheelInWorkspace(wheel));
      project.getBuildersList().add(new FailureBuilder());
      PypiPublishStep step = new PypiPublishStep();
      step.setRepositoryUrl(repository.url());
      project.getPublishersList().add(step);

      FreeStyleBuild failed = j.buildAndAssertStatus(Result.FAILURE, project);

      assertEquals(List.of(), repository.uploaded());
      assertNull(failed.getAction(PublishedFilesAction.class));

      project.getBuildersList().remove(FailureBuilder.class);
      FreeStyleBuild succeeded = j.buildAndAssertSuccess(project);

      assertEquals(List.of(wheel.getFileName().toString()), repository.uploaded());
      assertNotNull(succeeded.getAction(PublishedFilesAction.class));
    }
  }

  /** A build step that "builds" the wheel: copies it into the workspace's {@code dist/}. */
  private static final class WheelInWorkspace
      extends TestBuilder
  {
    private final byte[] bytes;

    private final String fileName;

    WheelInWorkspace(final Path wheel) throws IOException {
      this.bytes = Files.readAllBytes(wheel);
      this.fileName = wheel.getFileName().toString();
    }

    @Override
    public boolean perform(final AbstractBuild<?, ?> build, final Launcher launcher, final BuildListener listener)
        throws InterruptedException, IOException
    {
      build.getWorkspace().child("dist").child(fileName).copyFrom(new ByteArrayInputStream(bytes));
      return true;
    }
  }
}
