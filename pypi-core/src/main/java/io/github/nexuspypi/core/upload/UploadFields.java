package io.github.nexuspypi.core.upload;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;

/**
 * The form fields a publisher sends with a file to the legacy upload API, as twine 6.2+ sends them: the action and
 * protocol, the file's type and Python version, its sha256 and BLAKE2b-256 digests (no md5, which FIPS systems lack),
 * and every core metadata field the file carries, renamed as Warehouse reads them.
 */
public final class UploadFields
{
  /** Core metadata field to form field; the multiple-use ones are sent once per value. */
  private static final List<String[]> METADATA = List.of(
      new String[]{"Metadata-Version", "metadata_version"},
      new String[]{"Name", "name"},
      new String[]{"Version", "version"},
      new String[]{"Summary", "summary"},
      new String[]{"Description-Content-Type", "description_content_type"},
      new String[]{"Keywords", "keywords"},
      new String[]{"Home-page", "home_page"},
      new String[]{"Download-URL", "download_url"},
      new String[]{"Author", "author"},
      new String[]{"Author-email", "author_email"},
      new String[]{"Maintainer", "maintainer"},
      new String[]{"Maintainer-email", "maintainer_email"},
      new String[]{"License", "license"},
      new String[]{"License-Expression", "license_expression"},
      new String[]{"License-File", "license_file"},
      new String[]{"Classifier", "classifiers"},
      new String[]{"Platform", "platform"},
      new String[]{"Supported-Platform", "supported_platform"},
      new String[]{"Requires", "requires"},
      new String[]{"Provides", "provides"},
      new String[]{"Obsoletes", "obsoletes"},
      new String[]{"Requires-Dist", "requires_dist"},
      new String[]{"Provides-Dist", "provides_dist"},
      new String[]{"Obsoletes-Dist", "obsoletes_dist"},
      new String[]{"Requires-External", "requires_external"},
      new String[]{"Requires-Python", "requires_python"},
      new String[]{"Project-URL", "project_urls"},
      new String[]{"Provides-Extra", "provides_extra"},
      new String[]{"Dynamic", "dynamic"});

  private UploadFields() {
  }

  /** The fields, in the order twine sends them; the file itself goes after them as the {@code content} part. */
  public static List<Map.Entry<String, String>> of(final DistributionFilename filename, final CoreMetadata metadata,
                                                  final FileDigests digests)
  {
    List<Map.Entry<String, String>> fields = header(filename);
    for (String[] field : METADATA) {
      metadata.getAll(field[0]).forEach(value -> add(fields, field[1], value));
    }
    metadata.description().ifPresent(description -> add(fields, "description", description));
    add(fields, "sha256_digest", digests.sha256());
    add(fields, "blake2_256_digest", digests.blake2b256());
    return fields;
  }

  /**
   * The form of a file that arrives without one, from an index being imported: the fields that say what the file
   * is, its name and version as its file name spells them, and the sha256 its index gave (or that of the bytes
   * read), so that the server's upload checks hold the file's own metadata and bytes to them as to any upload's.
   */
  public static UploadForm forFile(final DistributionFilename filename, final String sha256) {
    List<Map.Entry<String, String>> fields = header(filename);
    add(fields, "name", filename.distribution());
    add(fields, "version", filename.version());
    add(fields, "sha256_digest", sha256);
    return asForm(fields);
  }

  private static List<Map.Entry<String, String>> header(final DistributionFilename filename) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    add(fields, ":action", UploadAction.FILE_UPLOAD);
    add(fields, "protocol_version", "1");
    add(fields, "filetype", filename.packageType().formValue());
    add(fields, "pyversion", filename instanceof WheelFilename ? ((WheelFilename) filename).pythonTag() : "source");
    return fields;
  }

  /** The same fields as the server reads them, to check a file with the server's own rules before sending it. */
  public static UploadForm asForm(final List<Map.Entry<String, String>> fields) {
    UploadForm form = new UploadForm();
    fields.forEach(field -> form.add(field.getKey(), field.getValue()));
    return form;
  }

  private static void add(final List<Map.Entry<String, String>> fields, final String name, final String value) {
    fields.add(new SimpleImmutableEntry<>(name, value));
  }
}
