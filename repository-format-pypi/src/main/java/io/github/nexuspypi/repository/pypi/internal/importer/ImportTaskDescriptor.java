package io.github.nexuspypi.repository.pypi.internal.importer;

import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.formfields.NumberTextFormField;
import org.sonatype.nexus.formfields.PasswordFormField;
import org.sonatype.nexus.formfields.RepositoryCombobox;
import org.sonatype.nexus.formfields.StringTextFormField;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.scheduling.TaskDescriptorSupport;

import static org.sonatype.nexus.formfields.FormField.MANDATORY;
import static org.sonatype.nexus.formfields.FormField.OPTIONAL;

/** "PyPI - Import into a hosted repository": the task's form in Nexus's UI and its configuration keys. */
@Named
@Singleton
public class ImportTaskDescriptor
    extends TaskDescriptorSupport
{
  public static final String TYPE_ID = "pypi.import";

  public static final String REPOSITORY = "repositoryName";

  public static final String SOURCE = "source";

  public static final String PROJECTS = "projects";

  public static final String USERNAME = "username";

  public static final String PASSWORD = "password";

  public static final String CONCURRENCY = "concurrency";

  public static final int DEFAULT_CONCURRENCY = 4;

  public static final int MAX_CONCURRENCY = 32;

  public ImportTaskDescriptor() {
    super(TYPE_ID, ImportTask.class, "PyPI - Import into a hosted repository", VISIBLE, EXPOSED,
        new RepositoryCombobox(REPOSITORY, "Repository", "The hosted PyPI repository to import into", MANDATORY)
            .includingAnyOfFormats(PypiFormat.NAME).includingAnyOfTypes(HostedType.NAME),
        new StringTextFormField(SOURCE, "Source",
            "A folder on the Nexus machine (flat or nested), or a PEP 503/691 index URL such as"
                + " http://host:8080/simple/ (pypiserver) or http://host:3141/user/index/+simple/ (devpi)",
            MANDATORY),
        new StringTextFormField(PROJECTS, "Projects",
            "Empty or * for every project; names separated by commas; or a pattern such as acme-*", OPTIONAL),
        new StringTextFormField(USERNAME, "Username", "For an index that needs one; sent to its origin only",
            OPTIONAL),
        new PasswordFormField(PASSWORD, "Password", "For an index that needs one; sent to its origin only",
            OPTIONAL),
        new NumberTextFormField(CONCURRENCY, "Files at once", "How many files are imported at the same time",
            OPTIONAL).withInitialValue(DEFAULT_CONCURRENCY).withMinimumValue(1).withMaximumValue(MAX_CONCURRENCY));
  }
}
