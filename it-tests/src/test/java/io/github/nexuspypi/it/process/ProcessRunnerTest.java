package io.github.nexuspypi.it.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRunnerTest
{
  @TempDir
  Path dir;

  @Test
  void theCommandSeesOnlyTheEnvironmentItIsGiven() {
    Command command = new Command(List.of("/usr/bin/env"), dir, Map.of("ONLY", "this"), Duration.ofSeconds(30));

    ProcessResult result = ProcessRunner.run(command, dir.resolve("env.log")).requireSuccess();

    assertEquals("ONLY=this", result.output().strip());
  }

  @Test
  void standardErrorIsCapturedWithStandardOutput() {
    Command command = new Command(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), dir, Map.of(),
        Duration.ofSeconds(30));

    ProcessResult result = ProcessRunner.run(command, dir.resolve("both.log"));

    assertEquals(3, result.exitCode());
    assertEquals("out\nerr\n", result.output());
  }

  @Test
  void aFailureMessageNamesTheCommandAndQuotesItsOutput() {
    Command command = new Command(List.of("/bin/sh", "-c", "echo 'no such project'; exit 1"), dir, Map.of(),
        Duration.ofSeconds(30));

    AssertionError failure = assertThrows(AssertionError.class,
        () -> ProcessRunner.run(command, dir.resolve("fail.log")).requireSuccess());

    assertTrue(failure.getMessage().startsWith("`/bin/sh -c 'echo '\\''no such project'\\''; exit 1'` exited with 1"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("no such project\n"), failure.getMessage());
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsEndedWithItsChildren() throws IOException {
    Path childPid = dir.resolve("child.pid");
    Command command = new Command(List.of("/bin/sh", "-c", "sleep 600 & echo $! > " + childPid + "; wait"), dir,
        Map.of(), Duration.ofSeconds(2));

    ProcessResult result = ProcessRunner.run(command, dir.resolve("slow.log"));

    assertTrue(result.timedOut());
    assertFalse(result.succeeded());
    long pid = Long.parseLong(Files.readString(childPid).strip());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sleep is still running");
  }
}
