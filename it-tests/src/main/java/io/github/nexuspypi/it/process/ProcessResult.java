package io.github.nexuspypi.it.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a finished command did. Failures are reported with the command, its exit and the end of its output, so
 * that a failing test says why without opening the log.
 */
public record ProcessResult(Command command, int exitCode, boolean timedOut, String output, Path logFile,
                            Duration duration)
{
  private static final int OUTPUT_LINES_IN_MESSAGES = 80;

  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  public ProcessResult requireSuccess() {
    if (!succeeded()) {
      throw new AssertionError(describe());
    }
    return this;
  }

  /** For commands that must be refused, e.g. an upload without credentials. */
  public ProcessResult requireFailure() {
    if (succeeded()) {
      throw new AssertionError("Expected a failure, but this succeeded: " + describe());
    }
    return this;
  }

  public String describe() {
    String outcome = timedOut
        ? "timed out after " + command.timeout().toSeconds() + " s"
        : "exited with " + exitCode + " after " + duration.toMillis() + " ms";
    return "`" + command + "` " + outcome + " (in " + command.directory() + ", full output in " + logFile + ")\n"
        + "--- last " + OUTPUT_LINES_IN_MESSAGES + " lines of output ---\n"
        + LogTail.lastLines(output, OUTPUT_LINES_IN_MESSAGES);
  }
}
