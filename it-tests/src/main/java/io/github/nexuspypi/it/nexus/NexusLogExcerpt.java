package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Nexus wrote to one of its logs from a point on, so that a test can check what was logged about what it did
 * (and only that: every test class shares the one Nexus and its logs).
 */
public final class NexusLogExcerpt
{
  private final Path log;

  private final long start;

  private NexusLogExcerpt(final Path log, final long start) {
    this.log = log;
    this.start = start;
  }

  /** The excerpt of {@code nexus.log} that begins now. */
  public static NexusLogExcerpt startingNow(final NexusInstallation installation) {
    return startingNow(installation.nexusLog());
  }

  /** The excerpt of {@code outbound-request.log}, what proxies ask their upstreams, that begins now. */
  public static NexusLogExcerpt outboundRequestsStartingNow(final NexusInstallation installation) {
    return startingNow(installation.outboundRequestLog());
  }

  private static NexusLogExcerpt startingNow(final Path log) {
    try {
      return new NexusLogExcerpt(log, Files.exists(log) ? Files.size(log) : 0);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + log, e);
    }
  }

  /** The lines written since the start; Nexus writes each line as it logs it. */
  public List<String> lines() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try (InputStream in = Files.newInputStream(log)) {
      // Nexus rolls its logs over at midnight: a file shorter than at the start holds only lines written since.
      in.skipNBytes(Files.size(log) >= start ? start : 0);
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
