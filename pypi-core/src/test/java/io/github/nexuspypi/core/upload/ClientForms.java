package io.github.nexuspypi.core.upload;

import java.util.function.UnaryOperator;

import io.github.nexuspypi.core.filename.PackageType;

/**
 * Upload forms as real clients send them, field for field, after the sources the protocol notes cite
 * (twine {@code package.py}/{@code repository.py}, poetry {@code uploader.py}, pdm {@code package.py}, flit
 * {@code upload.py}, uv {@code uv-publish}). The digests are well-formed placeholders.
 */
enum ClientForms
{
  // twine 4.0.2 sends no pyversion for an sdist (package.py: py_version = None), which requests then leaves out.
  TWINE_4("2.1", false, form -> form
      .add("md5_digest", ClientForms.MD5).add("sha256_digest", ClientForms.SHA256)
      .add("blake2_256_digest", ClientForms.BLAKE2).add("provides_extras", "test").add("keywords", "demo,test")
      .add("license", "UNKNOWN").add("home_page", "UNKNOWN").add("comment", "")),
  TWINE_6("2.4", true, form -> form
      .add("sha256_digest", ClientForms.SHA256).add("blake2_256_digest", ClientForms.BLAKE2)
      .add("provides_extra", "test").add("license_expression", "MIT").add("license_file", "LICENSE")
      .add("keywords", "demo, test").add("dynamic", "Classifier")),
  POETRY_1_3("2.1", true, form -> form
      .add("md5_digest", ClientForms.MD5).add("sha256_digest", ClientForms.SHA256)
      .add("blake2_256_digest", ClientForms.BLAKE2)
      .add("requires_dist", "requests (>=2.28,<3.0)").add("requires_dist", "tomli ; python_version < \"3.11\"")),
  PDM_2_2("2.1", true, form -> form
      .add("sha256_digest", ClientForms.SHA256).add("md5_digest", ClientForms.MD5)
      .add("blake2_256_digest", ClientForms.BLAKE2).add("provides_extras", "docs")),
  // flit sends no pyversion for an sdist, and always metadata_version 2.3.
  FLIT("2.3", false, form -> form
      .add("md5_digest", ClientForms.MD5).add("sha256_digest", ClientForms.SHA256).add("provides_extra", "test")),
  // uv sends requires_python even when empty (GitLab insists on the field).
  UV("2.4", true, form -> form
      .add("sha256_digest", ClientForms.SHA256).add("blake2_256_digest", ClientForms.BLAKE2)
      .add("requires_python", ""));

  static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";

  static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  static final String BLAKE2 = "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8";

  private final String metadataVersion;

  private final boolean sdistPyversion;

  private final UnaryOperator<UploadForm> ownFields;

  ClientForms(final String metadataVersion, final boolean sdistPyversion, final UnaryOperator<UploadForm> ownFields) {
    this.metadataVersion = metadataVersion;
    this.sdistPyversion = sdistPyversion;
    this.ownFields = ownFields;
  }

  /** @param pyversion the python tag for a wheel, {@code source} for an sdist */
  UploadForm form(final String name, final String version, final PackageType type, final String pyversion) {
    boolean sendsPyversion = type == PackageType.BDIST_WHEEL || sdistPyversion;
    return ownFields.apply(common(name, version, type, sendsPyversion ? pyversion : null, metadataVersion));
  }

  /** @param pyversion null to leave the field out */
  static UploadForm common(final String name, final String version, final PackageType type, final String pyversion,
                           final String metadataVersion)
  {
    UploadForm form = new UploadForm()
        .add(":action", "file_upload").add("protocol_version", "1")
        .add("metadata_version", metadataVersion).add("name", name).add("version", version)
        .add("filetype", type.formValue());
    if (pyversion != null) {
      form.add("pyversion", pyversion);
    }
    return form.add("summary", "A demo").add("description", "# Demo\n").add("description_content_type", "text/markdown")
        .add("classifiers", "Programming Language :: Python :: 3").add("classifiers", "License :: OSI Approved")
        .add("requires_python", ">=3.8");
  }
}
