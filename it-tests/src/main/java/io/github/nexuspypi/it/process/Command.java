package io.github.nexuspypi.it.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A command line to run: its arguments, working directory, complete environment (nothing is inherited, so that
 * no setting of the machine leaks into a test) and how long it may take.
 */
public record Command(List<String> arguments, Path directory, Map<String, String> environment, Duration timeout)
{
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public Command {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("A command needs at least the program to run");
    }
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
  }

  public Command withArguments(final String... more) {
    return withArguments(Arrays.asList(more));
  }

  public Command withArguments(final List<String> more) {
    List<String> all = new ArrayList<>(arguments);
    all.addAll(more);
    return new Command(all, directory, environment, timeout);
  }

  public Command in(final Path newDirectory) {
    return new Command(arguments, newDirectory, environment, timeout);
  }

  public Command withVariable(final String name, final String value) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.put(name, value);
    return new Command(arguments, directory, all, timeout);
  }

  public Command withTimeout(final Duration newTimeout) {
    return new Command(arguments, directory, environment, newTimeout);
  }

  /** The command as one would type it in a shell, for messages. */
  @Override
  public String toString() {
    return arguments.stream().map(Command::quoted).collect(Collectors.joining(" "));
  }

  private static String quoted(final String argument) {
    return argument.matches("[A-Za-z0-9_./:=@%+,-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
  }
}
