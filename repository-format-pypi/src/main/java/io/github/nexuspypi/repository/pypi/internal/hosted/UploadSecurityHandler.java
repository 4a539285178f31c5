package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.util.Collections;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.security.RepositoryContentSelectorPermission;
import org.sonatype.nexus.repository.security.RepositoryViewPermission;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.security.SecurityHelper;
import org.sonatype.nexus.selector.SelectorManager;

import org.apache.shiro.authz.AuthorizationException;
import org.apache.shiro.subject.Subject;

import static org.sonatype.nexus.security.BreadActions.ADD;

/**
 * The upload route's guard, in place of Nexus's {@code SecurityHandler}, which would ask for {@code add} on the path
 * {@code /} that no per-project content selector matches. Before the body is read, it admits a user who may add
 * something to the repository: through its {@code add} view privilege or through any content selector privilege
 * with {@code add} on it. The file's own path is checked against the selectors once the form names it
 * ({@link PypiHostedFacet#publish}).
 */
@Named
@Singleton
public class UploadSecurityHandler
    extends ComponentSupport
    implements Handler
{
  private final SecurityHelper securityHelper;

  private final SelectorManager selectorManager;

  @Inject
  public UploadSecurityHandler(final SecurityHelper securityHelper, final SelectorManager selectorManager) {
    this.securityHelper = securityHelper;
    this.selectorManager = selectorManager;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    // Nexus answers this exception as its own SecurityHandler's: 401 with a challenge to anonymous, else a bare 403.
    // A 403 of our own could name the privilege, but answered with the body unread it loses the race against
    // Jetty dropping the connection (SecurityIT.aLargeUploadWithoutAddGetsItsRefusalEveryTime); Nexus's does not.
    if (!mayAddSomething(context.getRepository())) {
      throw new AuthorizationException("Uploading to '" + context.getRepository().getName() + "' needs the 'add'"
          + " privilege");
    }
    return context.proceed();
  }

  private boolean mayAddSomething(final Repository repository) {
    Subject subject = securityHelper.subject();
    if (securityHelper.anyPermitted(subject, new RepositoryViewPermission(repository, ADD))) {
      return true;
    }
    // Only whether a selector privilege grants add here: what it selects is decided per file, later.
    return selectorManager.browse().stream().anyMatch(selector -> securityHelper.anyPermitted(subject,
        new RepositoryContentSelectorPermission(selector, repository, Collections.singletonList(ADD))));
  }
}
