package io.github.nexuspypi.core.metadata;

/**
 * The shape every sdist has (PEP 517 "Source distributions", Warehouse's checks): one top-level directory,
 * {@code {name}-{version}/}, with the {@code PKG-INFO} file directly inside it. Fed the member names in archive
 * order; the first one fixes the directory.
 */
final class SdistLayout
{
  private static final String PKG_INFO = "PKG-INFO";

  private final String filename;

  private String top;

  SdistLayout(final String filename) {
    this.filename = filename;
  }

  /** Records a member and tells whether it is the PKG-INFO to read. */
  boolean add(final String member) throws InvalidDistributionException {
    String path = member;
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.isEmpty()) {
      return false;
    }
    int slash = path.indexOf('/');
    String first = slash < 0 ? path : path.substring(0, slash);
    if (top == null) {
      top = first;
    }
    else if (!top.equals(first)) {
      throw new InvalidDistributionException("Incorrect number of top-level directories in sdist '" + filename
          + "': found '" + top + "' and '" + first + "'; an sdist holds everything in one directory, "
          + "'{name}-{version}/', as 'python -m build --sdist' makes it.");
    }
    return path.equals(top + "/" + PKG_INFO);
  }

  InvalidDistributionException missingPkgInfo() {
    String where = (top == null ? "{name}-{version}" : top) + "/" + PKG_INFO;
    return new InvalidDistributionException("PKG-INFO not found at " + where + " in '" + filename
        + "'; build the sdist with 'python -m build --sdist', which writes it.");
  }
}
