package io.github.nexuspypi.jenkins;

import java.util.List;

import hudson.model.FreeStyleProject;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The forms, in a real Jenkins: what a job's and the system's configuration pages show is what they save, and what
 * is saved is what is loaded again. Runs in the release build only (pom.xml), which has Jenkins's repository.
 */
@WithJenkins
class ConfigurationRoundTripTest
{
  @Test
  void theStepKeepsEveryOptionThroughTheJobsForm(final JenkinsRule j) throws Exception {
    TestCredentials.usernamePassword("deployer", "deployer", "s3cret");
    FreeStyleProject project = j.createFreeStyleProject();
    PypiPublishStep step = new PypiPublishStep();
    step.setRepositoryUrl("https://nexus.example/repository/pypi-hosted/");
    step.setCredentialsId("deployer");
    step.setFiles("dist/*.whl, dist/*.tar.gz");
    step.setSkipExisting(true);
    step.setFailWhenNothingMatches(false);
    step.setRetries(5);
    step.setDryRun(true);
    project.getPublishersList().add(step);

    j.configRoundtrip(project);

    j.assertEqualDataBoundBeans(step, project.getPublishersList().get(PypiPublishStep.class));
  }

  @Test
  void theServersKeepTheirSettingsThroughTheSystemPageAndOnDisk(final JenkinsRule j) throws Exception {
    TestCredentials.usernamePassword("deployer", "deployer", "s3cret");
    PypiServer nexus = new PypiServer("nexus", "https://nexus.example/repository/pypi-hosted/");
    nexus.setCredentialsId("deployer");
    PypiServer pypi = new PypiServer("pypi", "https://upload.pypi.org/legacy/");
    PypiPublisherConfiguration.get().setServers(List.of(nexus, pypi));

    j.configRoundtrip();

    assertEquals(List.of(nexus, pypi), PypiPublisherConfiguration.get().getServers());
    // A new instance reads the file the page saved, as Jenkins does when it starts.
    assertEquals(List.of(nexus, pypi), new PypiPublisherConfiguration().getServers());
  }
}
