package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageFreshness;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleJsonRequest;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.group.GroupFacet;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;


/**
 * Asks a group's members for their page of a project, through each member's own routes so that a proxy's negative
 * cache, routing rules, offline state and auto-block apply as they do for its own clients. Nested groups are asked
 * through their members: the guard must see a hosted repository however deep it sits.
 *
 * With the dependency-confusion guard on, hosted members are asked first, and when any of them holds the project
 * nobody else is asked: no public file can mix into a private project, and the project's name never leaves the
 * building.
 */
final class GroupMembers
    extends ComponentSupport
{
  private final Repository group;

  GroupMembers(final Repository group) {
    this.group = group;
  }

  /** The members in group order, nested groups replaced by their own members. */
  List<Repository> leaves() {
    return group.facet(GroupFacet.class).leafMembers();
  }

  Optional<Repository> leaf(final String name) {
    return leaves().stream().filter(leaf -> leaf.getName().equals(name)).findFirst();
  }

  /** The project as the group serves it, good until the first member page it was merged from is due. */
  PageCache.Expiring<MergedProject> project(final Context context, final String project, final boolean guard) {
    List<Repository> leaves = leaves();
    Answers answers = new Answers();
    if (guard) {
      leaves.stream().filter(GroupMembers::isHosted).forEach(member -> ask(context, member, project, answers));
      if (!answers.pages.isEmpty()) {
        return answers.merged();
      }
      leaves.stream().filter(member -> !isHosted(member)).forEach(member -> ask(context, member, project, answers));
    }
    else {
      leaves.forEach(member -> ask(context, member, project, answers));
    }
    return answers.merged();
  }

  static boolean isHosted(final Repository repository) {
    return HostedType.NAME.equals(repository.getType().getValue());
  }

  private void ask(final Context context, final Repository member, final String project, final Answers answers) {
    try {
      Response response = getJson(context, member, PypiPaths.SIMPLE + project + "/");
      int status = response.getStatus().getCode();
      if (status == 200 && response.getPayload() instanceof Content) {
        Content page = (Content) response.getPayload();
        try (InputStream in = page.openInputStream()) {
          answers.page(new MemberPage(member.getName(), SimpleJsonParser.parseProject(in, null)),
              PageFreshness.of(page));
        }
      }
      else if (status == 404) {
        // A hosted member's 404 holds until an upload to it, which its events tell; another member's may change
        // upstream at any time.
        if (!isHosted(member)) {
          answers.recheck();
        }
      }
      else {
        log.warn("Group {}: member {} answered {} for project '{}'; the group serves it without that member",
            group.getName(), member.getName(), response.getStatus(), project);
        answers.recheck();
      }
    }
    catch (Exception e) {
      log.warn("Group {}: member {} failed on project '{}'; the group serves it without that member: {}",
          group.getName(), member.getName(), project, e.toString());
      answers.recheck();
    }
  }

  /** A simple API page of a member, in JSON, asked on behalf of the group's client. */
  static Response getJson(final Context context, final Repository member, final String path) throws Exception {
    return SimpleJsonRequest.dispatch(context, member, path);
  }

  private static final class Answers
  {
    private final List<MemberPage> pages = new ArrayList<>();

    private Instant freshUntil = Instant.MAX;

    void page(final MemberPage page, final Instant pageFreshUntil) {
      pages.add(page);
      if (pageFreshUntil.isBefore(freshUntil)) {
        freshUntil = pageFreshUntil;
      }
    }

    /** A proxy that has no page, or a member that failed, may answer otherwise at the next request. */
    void recheck() {
      freshUntil = Instant.now();
    }

    PageCache.Expiring<MergedProject> merged() {
      return new PageCache.Expiring<>(MergedProject.of(pages), freshUntil);
    }
  }
}
