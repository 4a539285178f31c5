package io.github.nexuspypi.core.version;

/**
 * A string that is no PEP 440 version. The message names the string and shows valid spellings, because it reaches
 * the person who typed the version into their build configuration.
 */
public class InvalidVersionException extends Exception
{
  private final String version;

  public InvalidVersionException(final String version) {
    this(version, "it is not a PEP 440 version (valid: 1.0, 2.1.3, 1.0a1, 1.0rc2, 1.0.post1, 1.0.dev3, 1!2.0, "
        + "1.0+local.1)");
  }

  public InvalidVersionException(final String version, final String reason) {
    super("Invalid version '" + version + "': " + reason + ".");
    this.version = version;
  }

  /** The rejected string, as given. */
  public String version() {
    return version;
  }
}
