package io.github.nexuspypi.it.bench;

import java.time.Duration;

/** The CPU time a process has used so far, as the operating system counts it; zero where it does not tell. */
final class ProcessCpu
{
  private ProcessCpu() {
  }

  static Duration of(final ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
