package io.github.nexuspypi.it.nexus;

/** A JVM's heap at one moment, in bytes. */
public record HeapUsage(long used, long committed, long max)
{
  private static final double MEBIBYTE = 1024.0 * 1024.0;

  public String describe() {
    return String.format("%.0f MiB used, %.0f MiB committed, %.0f MiB max", used / MEBIBYTE, committed / MEBIBYTE,
        max / MEBIBYTE);
  }
}
