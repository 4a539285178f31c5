package io.github.nexuspypi.core.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import io.github.nexuspypi.core.index.SimpleJsonWriter;
import io.github.nexuspypi.core.index.UploadTime;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.name.ProjectName;

/**
 * Writes the Warehouse JSON API ({@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json}), the
 * pypi.org-only API that Renovate, Dependabot, pipenv and pip-audit read: {@code info} from the selected release's
 * core metadata, {@code urls} its files, {@code releases} every release's files (project URL only),
 * {@code vulnerabilities} empty, and {@code last_serial}. Deprecated keys are kept with the constant values pypi.org
 * gives them. The output is flushed, never closed.
 */
public final class WarehouseJsonWriter
{
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  // The API's upload_time predates its ISO 8601 twin: UTC, to the second, without zone.
  private static final DateTimeFormatter UPLOAD_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final WarehouseUrls urls;

  public WarehouseJsonWriter(final WarehouseUrls urls) {
    this.urls = urls;
  }

  /**
   * {@code /pypi/<project>/json}.
   *
   * @param metadata the core metadata of {@code selected}, normally the {@link LatestRelease}
   * @param releases every release of the project, {@code selected} among them; listed in PEP 440 order
   */
  public void writeProject(final CoreMetadata metadata, final WarehouseRelease selected,
                           final Collection<WarehouseRelease> releases, final long lastSerial,
                           final OutputStream out) throws IOException
  {
    write(metadata, selected, releases, lastSerial, out);
  }

  /** {@code /pypi/<project>/<version>/json}: as the project's, without {@code releases}. */
  public void writeRelease(final CoreMetadata metadata, final WarehouseRelease release, final long lastSerial,
                           final OutputStream out) throws IOException
  {
    write(metadata, release, null, lastSerial, out);
  }

  private void write(final CoreMetadata metadata, final WarehouseRelease selected,
                     final Collection<WarehouseRelease> releases, final long lastSerial, final OutputStream out)
      throws IOException
  {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      String project = ProjectName.normalize(metadata.name());
      WarehouseInfo.write(metadata, selected, urls.project(project), urls.release(project, selected.version()), json);
      json.writeNumberField("last_serial", lastSerial);
      if (releases != null) {
        json.writeObjectFieldStart("releases");
        List<WarehouseRelease> ordered = releases.stream()
            .sorted((a, b) -> VersionOrder.ASCENDING.compare(a.version(), b.version()))
            .toList();
        for (WarehouseRelease release : ordered) {
          json.writeFieldName(release.version());
          files(release, json);
        }
        json.writeEndObject();
      }
      json.writeFieldName("urls");
      files(selected, json);
      json.writeArrayFieldStart("vulnerabilities");
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void files(final WarehouseRelease release, final JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (WarehouseFile file : release.files()) {
      file(file, release, json);
    }
    json.writeEndArray();
  }

  private static void file(final WarehouseFile file, final WarehouseRelease release, final JsonGenerator json)
      throws IOException
  {
    json.writeStartObject();
    json.writeStringField("comment_text", "");
    SimpleJsonWriter.writeCoreMetadata(file.coreMetadata(), json);
    json.writeObjectFieldStart("digests");
    json.writeStringField("blake2b_256", file.digests().get("blake2b_256"));
    json.writeStringField("md5", file.digests().get("md5"));
    json.writeStringField("sha256", file.digests().get("sha256"));
    json.writeEndObject();
    json.writeNumberField("downloads", -1);
    json.writeStringField("filename", file.filename());
    json.writeBooleanField("has_sig", false);
    json.writeStringField("md5_digest", file.digests().get("md5"));
    json.writeStringField("packagetype", file.packageType());
    json.writeStringField("python_version", file.pythonVersion());
    json.writeStringField("requires_python", file.requiresPython());
    if (file.size() == null) {
      json.writeNullField("size");
    }
    else {
      json.writeNumberField("size", file.size());
    }
    boolean timed = file.uploadTime() != null;
    json.writeStringField("upload_time", timed ? UPLOAD_TIME.format(file.uploadTime()) : null);
    json.writeStringField("upload_time_iso_8601", timed ? UploadTime.format(file.uploadTime()) : null);
    json.writeStringField("url", file.url());
    json.writeBooleanField("yanked", release.isYanked());
    json.writeStringField("yanked_reason", release.isYanked() ? release.yank().reason() : null);
    json.writeEndObject();
  }
}
