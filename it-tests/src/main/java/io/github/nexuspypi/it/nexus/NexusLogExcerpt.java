package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Nexus wrote to {@code nexus.log} from a point on, so that a test can check what was logged about what it did
 * (and only that: every test class shares the one Nexus and its log).
 */
public final class NexusLogExcerpt
{
  private final Path log;

  private final long start;

  private NexusLogExcerpt(final Path log, final long start) {
    this.log = log;
    this.start = start;
  }

  /** The excerpt that begins now. */
  public static NexusLogExcerpt startingNow(final NexusInstallation installation) {
    Path log = installation.nexusLog();
    try {
      return new NexusLogExcerpt(log, Files.size(log));
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + log, e);
    }
  }

  /** The lines written since the start; Nexus writes each line as it logs it. */
  public List<String> lines() {
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(start);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
  }

  /** The lines that contain every one of {@code parts}. */
  public List<String> linesWith(final String... parts) {
    return lines().stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
  }
}
