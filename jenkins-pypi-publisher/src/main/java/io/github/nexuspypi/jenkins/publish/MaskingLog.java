package io.github.nexuspypi.jenkins.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A log that writes {@code ****} for every secret in a line: a repository's answer, quoted in the build log, might
 * echo what it was sent.
 */
public final class MaskingLog
    implements PublishLog
{
  private static final String MASK = "****";

  private final PublishLog log;

  private final List<String> secrets;

  public MaskingLog(final PublishLog log, final List<String> secrets) {
    this.log = log;
    // Blank secrets would mask every gap between characters; short ones are still masked, as Jenkins does.
    this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty())
        .collect(Collectors.toList());
  }

  @Override
  public void line(final String text) {
    log.line(mask(text));
  }

  public String mask(final String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
