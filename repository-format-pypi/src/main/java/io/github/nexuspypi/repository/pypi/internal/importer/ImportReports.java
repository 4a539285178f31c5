package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.common.app.ApplicationDirectories;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The summary of each import task's latest run, kept as a JSON file per task in Nexus's work folder
 * ({@code pypi-import/<task id>.json}), so that REST reads it while the task runs and after a restart. Each write
 * replaces the file whole, so a reader never sees half a summary.
 */
@Named
@Singleton
public class ImportReports
{
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final ObjectMapper mapper = new ObjectMapper();

  private final Path folder;

  @Inject
  public ImportReports(final ApplicationDirectories directories) {
    this(directories.getWorkDirectory("pypi-import").toPath());
  }

  ImportReports(final Path folder) {
    this.folder = folder;
  }

  void write(final String taskId, final Map<String, Object> summary) throws IOException {
    Files.createDirectories(folder);
    Path part = Files.createTempFile(folder, taskId, ".part");
    try {
      mapper.writeValue(part.toFile(), summary);
      Files.move(part, file(taskId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * The summary of the task's latest run, if it ever ran. A run that the summary says is under way but that is not
   * running (Nexus stopped or died during it) is {@code interrupted}.
   *
   * @param running whether the task is running now
   */
  public Optional<Map<String, Object>> read(final String taskId, final boolean running) throws IOException {
    if (!TASK_ID.matcher(taskId).matches()) {
      return Optional.empty();
    }
    Path file = file(taskId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, Object> summary = mapper.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
    if (!running && ImportSummary.State.isUnderWay(String.valueOf(summary.get("state")))) {
      summary.put("state", "interrupted");
      summary.put("message", "Nexus stopped during the run: run the task again to continue.");
    }
    return Optional.of(summary);
  }

  private Path file(final String taskId) {
    return folder.resolve(taskId + ".json");
  }
}
