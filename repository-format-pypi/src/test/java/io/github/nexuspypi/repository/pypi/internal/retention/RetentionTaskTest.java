package io.github.nexuspypi.repository.pypi.internal.retention;

import java.time.Duration;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.types.GroupType;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.scheduling.TaskConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RetentionTaskTest
{
  @Test
  void readsTheFormsFieldsAsTheUiStoresThem() {
    TaskConfiguration configuration = new TaskConfiguration();
    // The UI stores every field as text.
    configuration.setString(RetentionTaskDescriptor.KEEP_FIELD_ID, "3");
    configuration.setString(RetentionTaskDescriptor.DAYS_FIELD_ID, "7");
    configuration.setString(RetentionTaskDescriptor.PROJECTS_FIELD_ID, "acme-.*");
    configuration.setString(RetentionTaskDescriptor.DELETE_LAST_FIELD_ID, "true");
    configuration.setString(RetentionTaskDescriptor.DRY_RUN_FIELD_ID, "true");

    RetentionOptions options = RetentionTask.options(configuration);

    assertEquals(3, options.rules().keepFinal());
    assertEquals(Duration.ofDays(7), options.rules().grace());
    assertTrue(options.rules().deleteLastRelease());
    assertTrue(options.dryRun());
    assertTrue(options.covers("acme-tool"));
    assertFalse(options.covers("other"));
  }

  @Test
  void fieldsLeftEmptyTakeTheDefaults() {
    RetentionOptions options = RetentionTask.options(new TaskConfiguration());

    assertEquals(RetentionTaskDescriptor.DEFAULT_KEEP, options.rules().keepFinal());
    assertEquals(Duration.ofDays(RetentionTaskDescriptor.DEFAULT_DAYS), options.rules().grace());
    assertFalse(options.rules().deleteLastRelease());
    assertFalse(options.dryRun());
    assertTrue(options.covers("anything"));
  }

  @Test
  void appliesToPypiHostedRepositoriesOnly() {
    RetentionTask task = new RetentionTask(new RetentionReports());

    assertTrue(task.appliesTo(repository(PypiFormat.NAME, new HostedType())));
    assertFalse(task.appliesTo(repository(PypiFormat.NAME, new ProxyType())));
    assertFalse(task.appliesTo(repository(PypiFormat.NAME, new GroupType())));
    assertFalse(task.appliesTo(repository("raw", new HostedType())));
  }

  private static Repository repository(final String format, final org.sonatype.nexus.repository.Type type) {
    Repository repository = mock(Repository.class);
    when(repository.getFormat()).thenReturn(new org.sonatype.nexus.repository.Format(format) { });
    when(repository.getType()).thenReturn(type);
    return repository;
  }
}
