package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleJsonWriter;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageFreshness;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.group.GroupFacet;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class GroupMembersTest
{
  @Mock
  private Repository group;

  @Mock
  private GroupFacet groupFacet;

  @Mock
  private Context context;

  private final List<Repository> leaves = new ArrayList<>();

  @BeforeEach
  void setUp() {
    lenient().when(group.getName()).thenReturn("pypi-all");
    lenient().when(group.facet(GroupFacet.class)).thenReturn(groupFacet);
    lenient().when(groupFacet.leafMembers()).thenReturn(leaves);
    lenient().when(context.getRequest()).thenReturn(new Request.Builder().action("GET").path("/simple/x/").build());
  }

  @Test
  void withTheGuardAHostedMemberHoldingTheProjectIsAllThatIsAsked() throws Exception {
    ViewFacet proxy = member("proxy", ProxyType.NAME, page("demo", "demo-99.0.tar.gz"));
    member("hosted", HostedType.NAME, page("demo", "demo-1.0.tar.gz"));

    PageCache.Expiring<MergedProject> merged = members().project(context, "demo", true);

    assertEquals(List.of("demo-1.0.tar.gz"), filenames(merged));
    assertEquals(Instant.MAX, merged.freshUntil(), "kept until a hosted member changes");
    verify(proxy, never()).dispatch(any(), any());
  }

  @Test
  void withTheGuardAProjectNoHostedMemberHoldsComesFromTheOthersForNoLongerThanTheirPages() throws Exception {
    Instant proxyDue = Instant.now().plusSeconds(600);
    member("hosted", HostedType.NAME, HttpResponses.notFound());
    member("proxy", ProxyType.NAME, fresh(page("demo", "demo-99.0.tar.gz"), proxyDue));

    PageCache.Expiring<MergedProject> merged = members().project(context, "demo", true);

    assertEquals(List.of("demo-99.0.tar.gz"), filenames(merged));
    assertEquals(proxyDue, merged.freshUntil());
  }

  @Test
  void withoutTheGuardMembersMergeInOrder() throws Exception {
    member("proxy", ProxyType.NAME, page("demo", "demo-99.0.tar.gz"));
    member("hosted", HostedType.NAME, page("demo", "demo-1.0.tar.gz"));

    PageCache.Expiring<MergedProject> merged = members().project(context, "demo", false);

    assertEquals(List.of("demo-99.0.tar.gz", "demo-1.0.tar.gz"), filenames(merged));
    assertEquals(List.of("proxy", "hosted"), merged.page().orElseThrow().servedBy());
  }

  @Test
  void aFailingOrEmptyProxyIsAskedAgainNextTimeAndNeverFailsTheGroup() throws Exception {
    member("hosted", HostedType.NAME, HttpResponses.notFound());
    ViewFacet broken = member("broken", ProxyType.NAME, HttpResponses.badGateway("upstream down"));
    member("empty", ProxyType.NAME, HttpResponses.notFound());
    ViewFacet throwing = member("throwing", ProxyType.NAME, null);
    when(throwing.dispatch(any(), any())).thenThrow(new IllegalStateException("boom"));

    PageCache.Expiring<MergedProject> merged = members().project(context, "demo", true);

    assertFalse(merged.page().isPresent());
    assertFalse(merged.freshUntil().isAfter(Instant.now()), "not kept");
    verify(broken).dispatch(any(), any());
  }

  @Test
  void aProjectOnlyHostedMembersLackIsKeptUntilTheyChange() throws Exception {
    member("hosted", HostedType.NAME, HttpResponses.notFound());

    PageCache.Expiring<MergedProject> merged = members().project(context, "demo", true);

    assertFalse(merged.page().isPresent());
    assertEquals(Instant.MAX, merged.freshUntil());
    assertTrue(members().leaf("hosted").isPresent());
  }

  private GroupMembers members() {
    return new GroupMembers(group);
  }

  private ViewFacet member(final String name, final String type, final Response response) throws Exception {
    Repository member = mock(Repository.class);
    ViewFacet view = mock(ViewFacet.class);
    Type repositoryType = mock(Type.class);
    lenient().when(repositoryType.getValue()).thenReturn(type);
    lenient().when(member.getType()).thenReturn(repositoryType);
    lenient().when(member.getName()).thenReturn(name);
    lenient().when(member.facet(ViewFacet.class)).thenReturn(view);
    if (response != null) {
      lenient().when(view.dispatch(any(), any())).thenReturn(response);
    }
    leaves.add(member);
    return view;
  }

  private static Response page(final String project, final String filename) throws Exception {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(new ProjectPage(project, List.of(DistributionLink.builder(filename,
        "../../packages/" + project + "/x/" + filename).hashes(Map.of("sha256", "ab".repeat(32))).build()),
        Set.of()), json);
    return HttpResponses.ok(new Content(new BytesPayload(json.toByteArray(), "application/vnd.pypi.simple.v1+json")));
  }

  private static Response fresh(final Response page, final Instant until) {
    PageFreshness.mark((Content) page.getPayload(), until);
    return page;
  }

  private static List<String> filenames(final PageCache.Expiring<MergedProject> merged) {
    return merged.page().orElseThrow().page().files().stream().map(DistributionLink::filename)
        .collect(Collectors.toList());
  }
}
