package io.github.nexuspypi.repository.pypi.internal.retention;

import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.common.upgrade.AvailabilityVersion;
import org.sonatype.nexus.formfields.CheckboxFormField;
import org.sonatype.nexus.formfields.NumberTextFormField;
import org.sonatype.nexus.formfields.RepositoryCombobox;
import org.sonatype.nexus.formfields.StringTextFormField;
import org.sonatype.nexus.repository.RepositoryTaskSupport;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.scheduling.TaskDescriptorSupport;

/**
 * "PyPI - Keep the newest releases": the form an admin fills in under Tasks to schedule {@link RetentionTask}.
 */
@AvailabilityVersion(from = "1.0")
@Named
@Singleton
public class RetentionTaskDescriptor
    extends TaskDescriptorSupport
{
  public static final String TYPE_ID = "pypi.retention";

  public static final String KEEP_FIELD_ID = "keepFinalReleases";

  public static final String DAYS_FIELD_ID = "days";

  public static final String PROJECTS_FIELD_ID = "projectPattern";

  public static final String DELETE_LAST_FIELD_ID = "deleteLastRelease";

  public static final String DRY_RUN_FIELD_ID = "dryRun";

  public static final int DEFAULT_KEEP = 10;

  public static final int DEFAULT_DAYS = 30;

  public RetentionTaskDescriptor() {
    super(TYPE_ID, RetentionTask.class, "PyPI - Keep the newest releases", VISIBLE, EXPOSED,
        new RepositoryCombobox(RepositoryTaskSupport.REPOSITORY_NAME_FIELD_ID, "Repository",
            "The PyPI hosted repository to tidy, or all of them", true)
            .includingAnyOfFormats(PypiFormat.NAME).includingAnyOfTypes(HostedType.NAME)
            .includeAnEntryForAllRepositories(),
        new NumberTextFormField(KEEP_FIELD_ID, "Final releases to keep",
            "How many of each project's newest final releases (by PEP 440 version, not by date) are kept", true)
            .withInitialValue(DEFAULT_KEEP).withMinimumValue(0),
        new NumberTextFormField(DAYS_FIELD_ID, "Days",
            "Pre- and development releases older than a project's newest final release are deleted once uploaded"
                + " this many days ago; a release downloaded within this many days is never deleted", true)
            .withInitialValue(DEFAULT_DAYS).withMinimumValue(0),
        new StringTextFormField(PROJECTS_FIELD_ID, "Projects",
            "A regular expression matched against whole normalised project names (e.g. 'acme-.*'); empty for"
                + " every project", false),
        new CheckboxFormField(DELETE_LAST_FIELD_ID, "Delete a project's last release",
            "Allow a project to lose every release; if unchecked, its highest release stays", false)
            .withInitialValue(false),
        new CheckboxFormField(DRY_RUN_FIELD_ID, "Dry run",
            "Only list in the task's log what would be deleted", false)
            .withInitialValue(false));
  }
}
