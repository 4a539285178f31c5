package io.github.nexuspypi.jenkins;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import hudson.model.Label;
import io.github.nexuspypi.jenkins.publish.PublishedFile;
import io.github.nexuspypi.jenkins.publish.TestWheels;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code pypiPublish} in a Pipeline on an agent (a separate JVM, so the settings and the engine cross the remoting
 * channel, and the file goes from the agent to the repository), with credentials of the job's context. Runs in the
 * release build only (pom.xml); the same engine against a real Nexus is it-tests' PublisherIT.
 */
@WithJenkins
class PipelineOnAgentTest
{
  @TempDir
  Path dir;

  @Test
  void aPipelineOnAnAgentPublishesItsWheelWithTheJobsCredentials(final JenkinsRule j) throws Exception {
    TestCredentials.usernamePassword("deployer", "deployer", "s3cret");
    j.createOnlineSlave(Label.get("python"));
    Path wheel = TestWheels.write(dir, "agent-demo", "1.0", "");
    String fileName = wheel.getFileName().toString();
    try (FakePypiRepository repository = FakePypiRepository.start()) {
      WorkflowJob job = j.createProject(WorkflowJob.class, "publish");
      job.setDefinition(new CpsFlowDefinition("node('python') {\n"
          + "  writeFile file: 'dist/" + fileName + "', encoding: 'Base64', text: '"
          + Base64.getEncoder().encodeToString(Files.readAllBytes(wheel)) + "'\n"
          + "  pypiPublish repositoryUrl: '" + repository.url() + "', credentialsId: 'deployer'\n"
          + "}\n", true));

      WorkflowRun run = j.buildAndAssertSuccess(job);

      assertEquals(List.of(fileName), repository.uploaded());
      assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("deployer:s3cret"
          .getBytes(StandardCharsets.UTF_8))), repository.authorizations());
      j.assertLogContains(fileName, run);
      j.assertLogNotContains("s3cret", run);
      assertEquals(List.of(fileName), run.getAction(PublishedFilesAction.class).getFiles().stream()
          .map(PublishedFile::filename).collect(Collectors.toList()));
    }
  }
}
