package io.github.nexuspypi.repository.pypi.internal.json;

import org.sonatype.nexus.repository.view.Context;

/**
 * The URL a JSON API document's links start with: that of the repository the client asked. A group answers by
 * handing the client's own request to its members, so it records its URL on that request, and a member's document
 * then links through the group. A request attribute, not a header, so that no client can set it.
 */
public final class LinkBase
{
  private static final String GROUP_URL = LinkBase.class.getName() + ".groupUrl";

  private LinkBase() {
  }

  /** Makes what members answer to this request link through the group that asks them. */
  public static void throughGroup(final Context groupContext) {
    groupContext.getRequest().getAttributes().set(GROUP_URL, groupContext.getRepository().getUrl());
  }

  /** This repository's URL, or the group's that asked it on a client's behalf. */
  static String of(final Context context) {
    String group = context.getRequest().getAttributes().get(GROUP_URL, String.class);
    return group == null ? context.getRepository().getUrl() : group;
  }
}
