package io.github.nexuspypi.jenkins;

import java.util.List;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.github.nexuspypi.jenkins.publish.UploadCredentials;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials a publish may use, from the Credentials plugin: a user name with password, or a secret text,
 * which is a token and is sent as the password of {@code __token__}. Nothing else is offered or accepted.
 */
final class UploadCredentialsLookup
{
  private UploadCredentialsLookup() {
  }

  /** The choices of a job's form; the caller has checked that the user may see them. */
  static ListBoxModel choices(final Item job, final String repositoryUrl, final String current) {
    return new StandardListBoxModel().includeEmptyValue()
        .includeMatchingAs(ACL.SYSTEM2, job, StandardCredentials.class, requirements(repositoryUrl),
            uploadCredentials())
        .includeCurrentValue(current == null ? "" : current);
  }

  /** The choices of the global configuration's form; the caller has checked {@code Jenkins.ADMINISTER}. */
  static ListBoxModel choices(final Jenkins jenkins, final String repositoryUrl, final String current) {
    return new StandardListBoxModel().includeEmptyValue()
        .includeMatchingAs(ACL.SYSTEM2, jenkins, StandardCredentials.class, requirements(repositoryUrl),
            uploadCredentials())
        .includeCurrentValue(current == null ? "" : current);
  }

  /** Global credentials, for "Test connection"; {@code null} without an id. */
  static UploadCredentials global(final String repositoryUrl, final String credentialsId) throws AbortException {
    if (credentialsId == null) {
      return null;
    }
    StandardCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(credentialsId,
        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements(repositoryUrl));
    if (found != null && systemScoped().matches(found)) {
      throw new AbortException(Messages.UploadCredentialsLookup_SystemScoped(credentialsId));
    }
    return of(credentialsId, found);
  }

  /** The credentials a build may use, recorded as used by it; {@code null} without an id. */
  static UploadCredentials forBuild(final Run<?, ?> build, final String repositoryUrl, final String credentialsId)
      throws AbortException
  {
    if (credentialsId == null) {
      return null;
    }
    StandardCredentials found = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class,
        build, requirements(repositoryUrl));
    CredentialsProvider.track(build, found);
    return of(credentialsId, found);
  }

  private static UploadCredentials of(final String id, final StandardCredentials credentials) throws AbortException {
    if (credentials == null) {
      throw new AbortException(Messages.UploadCredentialsLookup_NotAvailable(id));
    }
    if (credentials instanceof StandardUsernamePasswordCredentials) {
      StandardUsernamePasswordCredentials user = (StandardUsernamePasswordCredentials) credentials;
      return UploadCredentials.usernamePassword(user.getUsername(), user.getPassword().getPlainText());
    }
    if (credentials instanceof StringCredentials) {
      return UploadCredentials.token(((StringCredentials) credentials).getSecret().getPlainText());
    }
    throw new AbortException(Messages.UploadCredentialsLookup_WrongKind(id));
  }

  /** What builds can use: builds look credentials up in the job's context, which leaves System scope out. */
  private static CredentialsMatcher uploadCredentials() {
    return CredentialsMatchers.allOf(CredentialsMatchers.not(systemScoped()),
        CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class)));
  }

  private static CredentialsMatcher systemScoped() {
    return CredentialsMatchers.withScope(CredentialsScope.SYSTEM);
  }

  private static List<DomainRequirement> requirements(final String repositoryUrl) {
    return URIRequirementBuilder.fromUri(repositoryUrl).build();
  }
}
