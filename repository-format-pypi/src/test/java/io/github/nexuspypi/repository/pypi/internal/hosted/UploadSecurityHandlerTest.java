package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.util.List;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.apache.shiro.authz.AuthorizationException;
import org.apache.shiro.subject.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.security.RepositoryContentSelectorPermission;
import org.sonatype.nexus.repository.security.RepositoryViewPermission;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.security.SecurityHelper;
import org.sonatype.nexus.selector.SelectorConfiguration;
import org.sonatype.nexus.selector.SelectorManager;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class UploadSecurityHandlerTest
{
  private static final String REPOSITORY = "pypi-hosted";

  @Mock
  private Repository repository;

  @Mock
  private SecurityHelper securityHelper;

  @Mock
  private SelectorManager selectorManager;

  @Mock
  private Subject subject;

  private UploadSecurityHandler handler;

  @BeforeEach
  void setUp() {
    handler = new UploadSecurityHandler(securityHelper, selectorManager);
    lenient().when(repository.getName()).thenReturn(REPOSITORY);
    lenient().when(repository.getFormat()).thenReturn(new PypiFormat());
    when(securityHelper.subject()).thenReturn(subject);
  }

  /** A context whose next handler is never reached unless the guard lets the upload through. */
  private Context upload() throws Exception {
    Context context = spy(new Context(repository, new Request.Builder().action(HttpMethods.POST).path("/").build()));
    lenient().doReturn(null).when(context).proceed();
    return context;
  }

  private void grantsView(final boolean granted) {
    when(securityHelper.anyPermitted(subject, new RepositoryViewPermission(PypiFormat.NAME, REPOSITORY, "add")))
        .thenReturn(granted);
  }

  private static SelectorConfiguration selector(final String name) {
    SelectorConfiguration selector = mock(SelectorConfiguration.class);
    when(selector.getName()).thenReturn(name);
    return selector;
  }

  private void grantsThroughSelector(final String name, final boolean granted) {
    lenient().when(securityHelper.anyPermitted(subject,
        new RepositoryContentSelectorPermission(name, PypiFormat.NAME, REPOSITORY, List.of("add"))))
        .thenReturn(granted);
  }

  @Test
  void theAddViewPrivilegeLetsTheUploadThrough() throws Exception {
    grantsView(true);
    Context context = upload();

    handler.handle(context);

    verify(context).proceed();
    verify(selectorManager, never()).browse();
  }

  @Test
  void aSelectorPrivilegeWithAddLetsTheUploadThroughWhateverItSelects() throws Exception {
    grantsView(false);
    SelectorConfiguration teamA = selector("team-a");
    SelectorConfiguration teamB = selector("team-b");
    when(selectorManager.browse()).thenReturn(List.of(teamA, teamB));
    grantsThroughSelector("team-a", false);
    grantsThroughSelector("team-b", true);
    Context context = upload();

    handler.handle(context);

    verify(context).proceed();
    verify(selectorManager, never()).evaluate(any(), any());
  }

  @Test
  void withoutAnyAddPrivilegeTheBodyIsNeverRead() throws Exception {
    grantsView(false);
    SelectorConfiguration reading = selector("readers");
    when(selectorManager.browse()).thenReturn(List.of(reading));
    grantsThroughSelector("readers", false);
    Context context = upload();

    assertThrows(AuthorizationException.class, () -> handler.handle(context));

    verify(context, never()).proceed();
  }
}
