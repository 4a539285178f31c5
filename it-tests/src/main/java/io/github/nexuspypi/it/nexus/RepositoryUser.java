package io.github.nexuspypi.it.nexus;

import java.util.Arrays;
import java.util.List;

/**
 * A user of Nexus's local realm whose one role grants view privileges on one repository, e.g. {@code read} and
 * {@code add}: the privileges {@code nx-repository-view-<format>-<repository>-<action>} Nexus creates for it.
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
}
