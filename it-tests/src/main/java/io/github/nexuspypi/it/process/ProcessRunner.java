package io.github.nexuspypi.it.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a {@link Command} to completion with its output (stdout and stderr, interleaved) kept in a log file. */
public final class ProcessRunner
{
  /** Output kept in a result: enough for any client's report, bounded so that a runaway command cannot hurt. */
  private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

  private static final Duration GRACE_AFTER_TIMEOUT = Duration.ofSeconds(10);

  private ProcessRunner() {
  }

  public static ProcessResult run(final Command command, final Path logFile) {
    long started = System.nanoTime();
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      // A command that asks a question must fail rather than wait for an answer that never comes.
      ProcessBuilder builder = new ProcessBuilder(command.arguments())
          .directory(command.directory().toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(command.environment());
      Process process = builder.start();
      boolean finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        ProcessTree.terminate(process.toHandle(), GRACE_AFTER_TIMEOUT);
      }
      return new ProcessResult(command, finished ? process.exitValue() : -1, !finished,
          LogTail.lastBytes(logFile, MAX_OUTPUT_BYTES), logFile, Duration.ofNanos(System.nanoTime() - started));
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot run `" + command + "`: " + e.getMessage(), e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running `" + command + "`", e);
    }
  }
}
