package io.github.nexuspypi.core.upload;

import static io.github.nexuspypi.core.upload.UploadRejectedException.badRequest;
import static io.github.nexuspypi.core.upload.UploadRejectedException.gone;

/** The {@code :action} and {@code protocol_version} fields: which request of the legacy API this is. */
final class UploadAction
{
  static final String FILE_UPLOAD = "file_upload";

  private UploadAction() {
  }

  static void check(final UploadForm form) throws UploadRejectedException {
    String action = form.first(":action").orElseThrow(() -> badRequest("Missing ':action' field: this is the upload "
        + "endpoint, send ':action=file_upload' with the file (twine, poetry, pdm and uv do)."));
    switch (action) {
      case FILE_UPLOAD -> {
      }
      case "submit", "submit_pkg_info" -> throw gone(
          "Project pre-registration is no longer required or supported, upload your files instead.");
      case "doc_upload" -> throw gone(
          "Uploading documentation is no longer supported, we recommend using https://readthedocs.org/.");
      default -> throw badRequest("Unknown ':action' value '" + action + "': this repository accepts only "
          + "':action=file_upload'.");
    }
    String protocol = form.first("protocol_version").orElse("1");
    if (!protocol.equals("1")) {
      throw badRequest("Unknown protocol version '" + protocol + "': this repository speaks protocol_version 1 of "
          + "the upload API.");
    }
  }
}
