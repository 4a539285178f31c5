package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.util.Optional;

import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

/**
 * What a request to a proxy asks for, read from its path: the root page, a project's page, a file, or a file's
 * core metadata; and where the proxy keeps its copy.
 */
final class ProxyTarget
{
  enum Kind
  {
    ROOT, PAGE, FILE, METADATA
  }

  /** The root page, converted to both formats as it is cached; this copy carries the cache's age. */
  static final String ROOT_JSON = PypiPaths.SIMPLE + "index.json";

  static final String ROOT_HTML = PypiPaths.SIMPLE + "index.html";

  private final Kind kind;

  private final String project;

  private final String filename;

  private final String path;

  private ProxyTarget(final Kind kind, final String project, final String filename, final String path) {
    this.kind = kind;
    this.project = project;
    this.filename = filename;
    this.path = path;
  }

  static ProxyTarget root() {
    return new ProxyTarget(Kind.ROOT, null, null, PypiPaths.SIMPLE);
  }

  static ProxyTarget page(final String project) {
    return new ProxyTarget(Kind.PAGE, project, null, PypiPaths.SIMPLE + project + "/");
  }

  /** Read from a request path; empty for a path no proxy request has. Names must already be normalised. */
  static Optional<ProxyTarget> of(final String path) {
    if (path.equals(PypiPaths.SIMPLE)) {
      return Optional.of(root());
    }
    String[] segments = path.split("/", -1);
    if (path.startsWith(PypiPaths.SIMPLE) && segments.length == 4 && segments[3].isEmpty()) {
      return Optional.of(page(segments[2]));
    }
    if (path.startsWith(PypiPaths.PACKAGES) && segments.length == 5) {
      String file = segments[4];
      boolean metadata = PypiPaths.isMetadata(file);
      return Optional.of(new ProxyTarget(metadata ? Kind.METADATA : Kind.FILE, segments[2],
          metadata ? file.substring(0, file.length() - PypiPaths.METADATA_SUFFIX.length()) : file, path));
    }
    return Optional.empty();
  }

  Kind kind() {
    return kind;
  }

  String project() {
    return project;
  }

  /** The distribution file's name, for a file and for its metadata. */
  String filename() {
    return filename;
  }

  /** The request path. */
  String path() {
    return path;
  }

  /**
   * Where upstream has a page, relative to its index URL (the proxy's remote URL, which ends in a slash): the root
   * is the index URL itself, a project's page its child. Files come from the URL their page gives instead.
   */
  String upstreamPath() {
    switch (kind) {
      case ROOT:
        return "";
      case PAGE:
        return project + "/";
      default:
        return path.substring(1);
    }
  }

  /** Where the proxy keeps what it fetched for this target. */
  String cachePath() {
    switch (kind) {
      case ROOT:
        return ROOT_JSON;
      case PAGE:
        return path + "upstream.json";
      default:
        return path;
    }
  }

  /** The distribution file a metadata target belongs to. */
  String distributionPath() {
    return kind == Kind.METADATA ? path.substring(0, path.length() - PypiPaths.METADATA_SUFFIX.length()) : path;
  }

  boolean isIndex() {
    return kind == Kind.ROOT || kind == Kind.PAGE;
  }
}
