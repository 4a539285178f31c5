package io.github.nexuspypi.repository.pypi.internal;

/**
 * Keys under the {@code pypi} attributes of components and assets: what the index pages need, kept beside the
 * content so that a page is built from one query without opening any blob.
 */
public final class PypiAttributes
{
  public static final String P_PYPI = "pypi";

  public static final String KIND_DISTRIBUTION = "distribution";

  public static final String KIND_METADATA = "metadata";

  /** A proxy's copy of an upstream project page, kept as PEP 691 JSON with the upstream URL of every file. */
  public static final String KIND_UPSTREAM_PAGE = "upstream-page";

  /** A proxy's copy of the upstream root page, in either format. */
  public static final String KIND_UPSTREAM_ROOT = "upstream-root";

  /** The project's name as its author spelled it; component names are normalised. */
  public static final String P_NAME = "name";

  public static final String P_VERSION = "version";

  public static final String P_SUMMARY = "summary";

  public static final String P_FILENAME = "filename";

  public static final String P_PACKAGE_TYPE = "packagetype";

  public static final String P_PYTHON_VERSION = "python_version";

  public static final String P_REQUIRES_PYTHON = "requires_python";

  public static final String P_SHA256 = "sha256";

  public static final String P_MD5 = "md5";

  public static final String P_BLAKE2B_256 = "blake2b_256";

  public static final String P_SIZE = "size";

  public static final String P_UPLOAD_TIME = "upload_time";

  public static final String P_YANKED = "yanked";

  public static final String P_YANKED_REASON = "yanked_reason";

  private PypiAttributes() {
  }
}
