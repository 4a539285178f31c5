package io.github.nexuspypi.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;

/** Credentials in Jenkins's global store, as an administrator adds them under Manage Jenkins → Credentials. */
final class TestCredentials
{
  private TestCredentials() {
  }

  static void usernamePassword(final String id, final String username, final String password) throws Exception {
    usernamePassword(CredentialsScope.GLOBAL, id, username, password);
  }

  static void usernamePassword(final CredentialsScope scope, final String id, final String username,
                               final String password) throws Exception
  {
    SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
    store.getCredentials().add(new UsernamePasswordCredentialsImpl(scope, id, "", username, password));
    store.save();
  }
}
