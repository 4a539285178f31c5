package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.shiro.authz.AuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.security.SecurityFacet;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class GroupUploadHandlerTest
{
  @Mock
  private Repository group;

  @Mock
  private SecurityFacet security;

  @Mock
  private PypiGroupIndexFacet index;

  @Mock
  private GroupMembers members;

  @Mock
  private Payload payload;

  private final ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(group.getName()).thenReturn("pypi-group");
    when(group.facet(SecurityFacet.class)).thenReturn(security);
    lenient().when(group.facet(PypiGroupIndexFacet.class)).thenReturn(index);
    lenient().when(index.members()).thenReturn(members);
    lenient().when(payload.openInputStream()).thenReturn(body);
  }

  private Context upload() {
    return new Context(group, new Request.Builder().action(HttpMethods.POST).path("/").payload(payload).build());
  }

  @Test
  void aReaderIsToldWhereToUploadOnceTheBodyIsRead() throws Exception {
    Repository hosted = mock(Repository.class);
    when(hosted.getName()).thenReturn("pypi-hosted");
    when(hosted.getType()).thenReturn(new HostedType());
    when(hosted.getUrl()).thenReturn("http://nexus/repository/pypi-hosted");
    when(members.leaves()).thenReturn(List.of(hosted));

    Response response = new GroupUploadHandler().handle(upload());

    assertEquals(400, response.getStatus().getCode());
    assertEquals("'pypi-group' is a group repository and cannot take uploads: upload to its hosted member"
        + " 'pypi-hosted' (http://nexus/repository/pypi-hosted/).", response.getStatus().getMessage());
    assertEquals(0, body.available(), "the body was read to its end");
  }

  @Test
  void whoMayNotReadTheGroupIsRefusedBeforeTheBodyIsRead() {
    doThrow(new AuthorizationException()).when(security).ensurePermitted(any());

    assertThrows(AuthorizationException.class, () -> new GroupUploadHandler().handle(upload()));

    verify(index, never()).members();
    assertEquals(100_000, body.available());
  }
}
