package io.github.nexuspypi.jenkins;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.jenkins.publish.PublishedFile;
import io.github.nexuspypi.jenkins.publish.TestPublishedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Jenkins saves with XStream (the global configuration, its servers, a job's step, a build's action and its
 * files) holds only types Jenkins's class filter lets through: plugin classes, primitives, and the JDK classes of
 * core's whitelist, read from the real Jenkins sources, so that {@code Run.save()} and {@code Jenkins.save()} never
 * throw in a real Jenkins. Every persisted field is checked by its declared type (a {@code null} field too), and
 * sample objects by the classes of the values they really hold (a {@code List} field holding
 * {@code List.of(...)} is refused).
 */
class PersistedTypesTest
{
  /** The classes Jenkins persists itself; whatever their fields reach is walked from them. */
  private static final List<Class<?>> ROOTS = List.of(PypiPublisherConfiguration.class, PypiServer.class,
      PypiPublishStep.class, PublishedFilesAction.class, PublishedFile.class);

  /** Declared types whose value's class is checked instead: XStream writes the value's class, not the field's. */
  private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Collection.class, Set.class, Map.class);

  private static final String PLUGIN_PACKAGE = "io.github.nexuspypi.";

  private static Set<String> whitelist;

  @BeforeAll
  static void readJenkinsWhitelist() throws IOException {
    Path whitelisted = whitelistFile();
    try (Stream<String> lines = Files.lines(whitelisted)) {
      whitelist = lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toSet());
    }
    assertTrue(whitelist.contains("java.lang.String"), "not Jenkins's whitelist: " + whitelisted);
  }

  @Test
  void everyPersistedFieldIsDeclaredWithATypeJenkinsMaySave() {
    List<String> refused = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    ROOTS.forEach(root -> walkDeclared(root, seen, refused));
    assertEquals(List.of(), refused, "fields Jenkins's XStream filter would refuse");
  }

  @Test
  void theValuesSampleObjectsHoldAreOfClassesJenkinsMaySave() throws Exception {
    PypiServer server = new PypiServer("nexus", "https://nexus.example/repository/pypi-hosted/");
    server.setCredentialsId("nexus-upload");
    PypiPublishStep step = new PypiPublishStep();
    step.setServer("nexus");
    step.setCredentialsId("nexus-upload");
    PublishedFilesAction action = new PublishedFilesAction(List.of(TestPublishedFiles.uploaded("demo-1.0.tar.gz",
        "https://nexus.example/repository/pypi-hosted/packages/demo/1.0/demo-1.0.tar.gz")));

    List<String> refused = new ArrayList<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object sample : List.of(server, step, action)) {
      walkValue(sample, sample.getClass().getSimpleName(), seen, refused);
    }
    assertEquals(List.of(), refused, "values Jenkins's XStream filter would refuse");
  }

  @Test
  void aDurationFieldIsRefused() {
    // The check itself: java.time.Duration, once a field of PublishedFile, is not on Jenkins's whitelist.
    List<String> refused = new ArrayList<>();
    walkDeclared(WithADuration.class, new HashSet<>(), refused);
    assertEquals(1, refused.size(), refused::toString);
    assertTrue(refused.get(0).contains(Duration.class.getName()), refused::toString);
  }

  private static final class WithADuration
  {
    private Duration took;
  }

  private static void walkDeclared(final Class<?> type, final Set<Class<?>> seen, final List<String> refused) {
    if (!seen.add(type)) {
      return;
    }
    for (Class<?> declaring = type; isPlugin(declaring); declaring = declaring.getSuperclass()) {
      for (Field field : declaring.getDeclaredFields()) {
        if (persisted(field)) {
          checkDeclared(field.getGenericType(), declaring.getSimpleName() + "." + field.getName(), seen, refused);
        }
      }
    }
  }

  private static void checkDeclared(final Type type, final String where, final Set<Class<?>> seen,
                                    final List<String> refused)
  {
    if (type instanceof ParameterizedType) {
      checkDeclared(((ParameterizedType) type).getRawType(), where, seen, refused);
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        checkDeclared(argument, where, seen, refused);
      }
      return;
    }
    if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        checkDeclared(bound, where, seen, refused);
      }
      return;
    }
    if (!(type instanceof Class)) {
      refused.add(where + ": " + type + " (a type variable: say the class)");
      return;
    }
    Class<?> declared = (Class<?>) type;
    while (declared.isArray()) {
      declared = declared.getComponentType();
    }
    if (isPlugin(declared)) {
      walkDeclared(declared, seen, refused);
    }
    else if (!declared.isPrimitive() && !CONTAINERS.contains(declared) && !whitelist.contains(declared.getName())) {
      refused.add(where + ": " + declared.getName());
    }
  }

  private static void walkValue(final Object value, final String where, final Map<Object, Boolean> seen,
                                final List<String> refused) throws IllegalAccessException
  {
    if (value == null || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    Class<?> type = value.getClass();
    if (isPlugin(type) || type.isEnum() && isPlugin(type.getDeclaringClass())) {
      for (Class<?> declaring = type; isPlugin(declaring); declaring = declaring.getSuperclass()) {
        for (Field field : declaring.getDeclaredFields()) {
          if (persisted(field)) {
            field.setAccessible(true);
            walkValue(field.get(value), where + "." + field.getName(), seen, refused);
          }
        }
      }
      return;
    }
    if (!whitelist.contains(type.getName())) {
      refused.add(where + ": a " + type.getName());
      return;
    }
    if (value instanceof Collection) {
      for (Object element : (Collection<?>) value) {
        walkValue(element, where + "[]", seen, refused);
      }
    }
  }

  private static boolean persisted(final Field field) {
    int modifiers = field.getModifiers();
    return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic();
  }

  private static boolean isPlugin(final Class<?> type) {
    return type != null && type.getName().startsWith(PLUGIN_PACKAGE);
  }

  /**
   * Core's list in the Jenkins sources next to the repository ({@code ../shared/jenkins-sources}, as in CI), found
   * from the module's folder.
   */
  private static Path whitelistFile() throws IOException {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    Path sources = module.getParent().getParent().resolve("shared/jenkins-sources");
    String missing = "Jenkins's XStream whitelist is read from the Jenkins core sources in " + sources
        + "/jenkins@*/core/src/main/resources/jenkins/security/whitelisted-classes.txt; check them out there "
        + "(see its README.md).";
    assertTrue(Files.isDirectory(sources), missing);
    try (Stream<Path> checkouts = Files.list(sources)) {
      return checkouts.filter(dir -> dir.getFileName().toString().startsWith("jenkins@"))
          .map(dir -> dir.resolve("core/src/main/resources/jenkins/security/whitelisted-classes.txt"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(() -> new AssertionError(missing));
    }
  }
}
