package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.Map;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.config.Configuration;

/**
 * A PyPI group's own settings, kept in its configuration's {@code pypi} attributes beside Nexus's generic
 * {@code group.memberNames}: whether the dependency-confusion guard is on. The guard is on unless switched off, so
 * that a group created without the setting (from the admin UI, or by a definition written for Sonatype's format) is
 * safe.
 */
public final class GroupSettings
{
  static final String SECTION = "pypi";

  static final String GUARD = "dependencyConfusionGuard";

  private final boolean guard;

  private GroupSettings(final boolean guard) {
    this.guard = guard;
  }

  /** @param guard the guard as given, absent when not given */
  public static GroupSettings of(@Nullable final Boolean guard) {
    return new GroupSettings(guard == null || guard);
  }

  /** The settings a repository's configuration holds; a value that is no boolean counts as absent. */
  public static GroupSettings of(final Configuration configuration) {
    // Read without Configuration.attributes(), which would add an empty section to the configuration it reads.
    Map<String, Map<String, Object>> attributes = configuration.getAttributes();
    Map<String, Object> section = attributes == null ? null : attributes.get(SECTION);
    Object guard = section == null ? null : section.get(GUARD);
    return of(guard instanceof Boolean ? (Boolean) guard : null);
  }

  public boolean guard() {
    return guard;
  }

  public void writeTo(final Configuration configuration) {
    configuration.attributes(SECTION).set(GUARD, guard);
  }
}
