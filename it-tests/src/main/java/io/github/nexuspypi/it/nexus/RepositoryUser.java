package io.github.nexuspypi.it.nexus;

import java.util.Arrays;
import java.util.List;

/**
 * A user of Nexus's local realm whose one role grants privileges on one repository: view privileges, e.g.
 * {@code read} and {@code add} (the privileges {@code nx-repository-view-<format>-<repository>-<action>} Nexus creates
 * for it), or the actions of a content selector.
 */
public record RepositoryUser(String name, String password, String role)
{
  /** Creates the role {@code <name>-role} and the user; {@code name} must be unique in the run. */
  public static RepositoryUser create(final NexusAdminClient admin, final String name, final String format,
                                      final String repository, final String... actions)
  {
    List<String> privileges = Arrays.stream(actions)
        .map(action -> "nx-repository-view-" + format + "-" + repository + "-" + action)
        .toList();
    RepositoryUser user = new RepositoryUser(name, name + "-secret", name + "-role");
    admin.createRole(user.role(), privileges, List.of());
    admin.createUser(user.name(), user.password(), List.of(user.role()));
    return user;
  }

  /**
   * Creates the content selector {@code <name>-selector} with {@code expression}, a privilege granting
   * {@code actions} (e.g. {@code READ}, {@code ADD}) on what it selects in {@code repository}, the role
   * {@code <name>-role} holding it, and the user.
   */
  public static RepositoryUser createWithContentSelector(final NexusAdminClient admin, final String name,
                                                         final String format, final String repository,
                                                         final String expression, final String... actions)
  {
    String selector = name + "-selector";
    String privilege = name + "-privilege";
    admin.createContentSelector(selector, expression);
    admin.createContentSelectorPrivilege(privilege, format, repository, selector, List.of(actions));
    RepositoryUser user = new RepositoryUser(name, name + "-secret", name + "-role");
    admin.createRole(user.role(), List.of(privilege), List.of());
    admin.createUser(user.name(), user.password(), List.of(user.role()));
    return user;
  }
}
