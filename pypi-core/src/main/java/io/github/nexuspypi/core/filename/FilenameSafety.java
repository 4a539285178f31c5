package io.github.nexuspypi.core.filename;

/**
 * The characters a distribution file name may never hold, whatever its kind. A file name becomes a storage path and
 * a URL segment, and appears in error messages sent back as HTTP reason phrases, so path separators, {@code ..},
 * control characters and white space (which no standard file name contains) are refused before anything else.
 */
public final class FilenameSafety
{
  private FilenameSafety() {
  }

  public static void check(final String filename) throws InvalidFilenameException {
    if (filename == null || filename.isEmpty()) {
      throw new InvalidFilenameException("The file name is empty: name the file like "
          + "'{name}-{version}-{python tag}-{abi tag}-{platform tag}.whl' or '{name}-{version}.tar.gz'.");
    }
    if (filename.chars().anyMatch(c -> c < 32 || c == 127)) {
      throw new InvalidFilenameException("Filename '" + printable(filename) + "' contains non-printable characters "
          + "(ordinals 0-31) or the DEL character (ordinal 127): rename the file.");
    }
    if (filename.indexOf('/') >= 0 || filename.indexOf('\\') >= 0) {
      throw new InvalidFilenameException("Filename '" + filename + "' contains '/' or '\\': send the file under its "
          + "own name, without a directory.");
    }
    if (filename.contains("..")) {
      throw new InvalidFilenameException("Filename '" + filename + "' contains '..': rename the file.");
    }
    if (filename.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      throw new InvalidFilenameException("Filename '" + filename + "' contains white space, which no distribution "
          + "file name has: rename the file.");
    }
  }

  /** The name with control characters written as escapes, so that the message itself stays one safe line. */
  private static String printable(final String filename) {
    StringBuilder s = new StringBuilder();
    for (char c : filename.toCharArray()) {
      s.append(c < 32 || c == 127 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return s.toString();
  }
}
