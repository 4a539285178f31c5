package io.github.nexuspypi.repository.pypi.internal.retention;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.nexuspypi.core.retention.RetentionRules;

/**
 * One retention pass as an admin asked for it, from the task's form or the REST call: the rules, which projects
 * (a regular expression matched against the whole normalised name; all when absent) and whether it only reports.
 */
public final class RetentionOptions
{
  private final RetentionRules rules;

  private final Pattern projects;

  private final boolean dryRun;

  private RetentionOptions(final RetentionRules rules, final Pattern projects, final boolean dryRun) {
    this.rules = rules;
    this.projects = projects;
    this.dryRun = dryRun;
  }

  /**
   * @throws IllegalArgumentException with a message for the admin when a number is negative or the pattern invalid
   */
  public static RetentionOptions of(final int keepFinal, final int days, final boolean deleteLastRelease,
                                    final Optional<String> projectPattern, final boolean dryRun)
  {
    RetentionRules rules = RetentionRules.ofDays(keepFinal, days, deleteLastRelease);
    Pattern projects = null;
    if (projectPattern.isPresent() && !projectPattern.get().isBlank()) {
      try {
        projects = Pattern.compile(projectPattern.get().strip());
      }
      catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("The project pattern '" + projectPattern.get()
            + "' is no regular expression: " + e.getDescription() + ".", e);
      }
    }
    return new RetentionOptions(rules, projects, dryRun);
  }

  public RetentionRules rules() {
    return rules;
  }

  /** @param project normalised name */
  public boolean covers(final String project) {
    return projects == null || projects.matcher(project).matches();
  }

  public Optional<String> projectPattern() {
    return Optional.ofNullable(projects).map(Pattern::pattern);
  }

  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public String toString() {
    long days = rules.grace().toDays();
    return "keep the " + rules.keepFinal() + " newest final releases; pre-releases below the newest final release"
        + " go " + days + " days after upload; a download within the last " + days + " days keeps any release"
        + (rules.deleteLastRelease() ? "; a project's last release may go" : "")
        + projectPattern().map(pattern -> "; only projects matching '" + pattern + "'").orElse("")
        + (dryRun ? "; dry run" : "");
  }
}
