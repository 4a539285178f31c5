package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.List;
import java.util.Optional;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.view.ViewFacet;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A group as its handlers see it: its index facet, which says which member each file of a project comes from, and
 * its leaf members, each answering through its own view.
 */
final class GroupOfMembers
{
  static final String URL = "http://localhost:8081/repository/pypi-all";

  final Repository group = mock(Repository.class);

  final PypiGroupIndexFacet index = mock(PypiGroupIndexFacet.class);

  final GroupMembers members = mock(GroupMembers.class);

  GroupOfMembers() {
    when(group.getUrl()).thenReturn(URL);
    when(group.facet(PypiGroupIndexFacet.class)).thenReturn(index);
    when(index.members()).thenReturn(members);
    when(index.merged(any(), any())).thenReturn(Optional.empty());
  }

  /** A leaf member of that name; its view, to say what it answers. */
  ViewFacet member(final String name) {
    ViewFacet view = mock(ViewFacet.class);
    Repository member = mock(Repository.class);
    when(member.getName()).thenReturn(name);
    when(member.facet(ViewFacet.class)).thenReturn(view);
    when(members.leaf(name)).thenReturn(Optional.of(member));
    return view;
  }

  /** The group's merge of {@code project} from these member pages, in member order. */
  void serves(final String project, final MemberPage... pages) {
    when(index.merged(any(), eq(project))).thenReturn(MergedProject.of(List.of(pages)));
  }
}
