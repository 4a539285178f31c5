package io.github.nexuspypi.repository.pypi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's packages depend on each other in one direction only: a package can be read, moved or tested without
 * the ones that use it. Read from the {@code import} lines of the main sources, which is how the code says what it
 * uses.
 */
class PackageCycleTest
{
  private static final String ROOT_PACKAGE = "io.github.nexuspypi.repository.pypi";

  private static final Path SOURCES = Path.of("src/main/java", ROOT_PACKAGE.split("\\."));

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private static final Pattern IMPORT = Pattern.compile(
      "^import\\s+(?:static\\s+)?(" + Pattern.quote(ROOT_PACKAGE) + "[\\w.]*)\\s*;", Pattern.MULTILINE);

  /** Each package of the plugin and the other packages of the plugin it imports from. */
  private static final Map<String, Set<String>> imports = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    Map<String, List<String>> importedNames = new HashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).collect(Collectors.toList())) {
        String source = Files.readString(file);
        Matcher declared = PACKAGE.matcher(source);
        assertTrue(declared.find(), file + " declares no package");
        List<String> names = importedNames.computeIfAbsent(declared.group(1), p -> new ArrayList<>());
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
          names.add(imported.group(1));
        }
      }
    }
    importedNames.forEach((pkg, names) -> imports.put(pkg, names.stream()
        .map(name -> packageOf(name, importedNames.keySet()))
        .filter(other -> !other.equals(pkg))
        .collect(Collectors.toCollection(TreeSet::new))));
  }

  /** The longest known package a name starts with: a class's, or for a static import its class's. */
  private static String packageOf(final String name, final Set<String> packages) {
    String prefix = name;
    while (!packages.contains(prefix)) {
      prefix = prefix.substring(0, prefix.lastIndexOf('.'));
    }
    return prefix;
  }

  @Test
  void theSourcesAreRead() {
    // Guards the test itself: a wrong source folder would find no package and so no cycle.
    assertTrue(imports.containsKey(ROOT_PACKAGE + ".internal.recipe"), imports.keySet().toString());
    assertTrue(imports.get(ROOT_PACKAGE + ".internal.recipe").contains(ROOT_PACKAGE + ".internal.hosted"));
  }

  @Test
  void noPackageImportsFromAPackageThatImportsFromIt() {
    assertEquals(Optional.empty(), cycle());
  }

  /** A cycle of packages, each importing from the next, the first one repeated at the end; empty when none. */
  private static Optional<List<String>> cycle() {
    Set<String> done = new HashSet<>();
    for (String start : imports.keySet()) {
      Optional<List<String>> found = cycleFrom(start, new ArrayList<>(), done);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> cycleFrom(final String pkg, final List<String> path, final Set<String> done) {
    int seen = path.indexOf(pkg);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(pkg);
      return Optional.of(cycle);
    }
    if (!done.add(pkg)) {
      return Optional.empty();
    }
    path.add(pkg);
    for (String imported : imports.getOrDefault(pkg, Set.of())) {
      Optional<List<String>> found = cycleFrom(imported, path, done);
      if (found.isPresent()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    return Optional.empty();
  }
}
