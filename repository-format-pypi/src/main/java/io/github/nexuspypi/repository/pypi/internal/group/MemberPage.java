package io.github.nexuspypi.repository.pypi.internal.group;

import io.github.nexuspypi.core.index.ProjectPage;

/**
 * One member's page of a project, as the member answered it to its group.
 */
final class MemberPage
{
  private final String member;

  private final ProjectPage page;

  MemberPage(final String member, final ProjectPage page) {
    this.member = member;
    this.page = page;
  }

  String member() {
    return member;
  }

  ProjectPage page() {
    return page;
  }
}
