package io.github.nexuspypi.jenkins;

import java.util.List;
import java.util.stream.Collectors;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.ListBoxModel;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server's credentials list offers only what a build can use: builds look credentials up in the job's context,
 * which leaves System scope out. Runs in the release build only (pom.xml), which has Jenkins's repository.
 */
@WithJenkins
class CredentialChoicesTest
{
  @Test
  void systemScopedCredentialsAreNotOfferedForAServer(final JenkinsRule j) throws Exception {
    TestCredentials.usernamePassword(CredentialsScope.GLOBAL, "deployer", "deployer", "s3cret");
    TestCredentials.usernamePassword(CredentialsScope.SYSTEM, "controller-only", "admin", "s3cret");

    ListBoxModel choices = j.jenkins.getDescriptorByType(PypiServer.DescriptorImpl.class)
        .doFillCredentialsIdItems("https://nexus.example/repository/pypi-hosted/", "");

    List<String> ids = choices.stream().map(option -> option.value).collect(Collectors.toList());
    assertEquals(List.of("", "deployer"), ids);
  }
}
