package io.github.nexuspypi.it.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessSettlingTest
{
  @Test
  void idleIsLessThanATenthOfACoreOverTheWindow() {
    assertTrue(ProcessSettling.isIdle(Duration.ofMillis(199), Duration.ofSeconds(2)));
    assertFalse(ProcessSettling.isIdle(Duration.ofMillis(200), Duration.ofSeconds(2)));
  }

  @Test
  void settledAfterTwoQuietWindowsInARow() {
    // Windows of 100 ms: busy, quiet, busy, quiet, quiet; settled at the fifth reading after the first.
    Deque<Duration> readings = new ArrayDeque<>(List.of(Duration.ZERO, Duration.ofMillis(50),
        Duration.ofMillis(55), Duration.ofMillis(150), Duration.ofMillis(151), Duration.ofMillis(152),
        Duration.ofSeconds(9)));

    ProcessSettling.await(readings::poll, Duration.ofMillis(100), Duration.ofMinutes(1));

    assertEquals(List.of(Duration.ofSeconds(9)), List.copyOf(readings));
  }

  @Test
  void aServerThatStaysBusyFailsAtTheLimit() {
    long[] cpu = {0};
    assertThrows(AssertionError.class, () -> ProcessSettling.await(() -> Duration.ofSeconds(cpu[0]++),
        Duration.ofMillis(10), Duration.ofMillis(100)));
  }
}
