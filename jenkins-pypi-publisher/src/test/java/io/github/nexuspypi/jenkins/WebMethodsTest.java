package io.github.nexuspypi.jenkins;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every web method of the plugin ({@code do...} on its classes, which Stapler serves at a URL) answers POST only,
 * as the Jenkins security scan requires: a GET would let another site's page make a logged-in user's browser check
 * connections or list servers (CSRF).
 */
class WebMethodsTest
{
  @Test
  void everyWebMethodTakesPostOnly() throws Exception {
    List<Method> webMethods = webMethods();
    List<String> problems = new ArrayList<>();
    for (Method method : webMethods) {
      if (!method.isAnnotationPresent(POST.class)) {
        problems.add(method.getDeclaringClass().getName() + "." + method.getName() + " answers GET: annotate it "
            + "@POST");
      }
    }

    assertTrue(webMethods.size() >= 7, "the check found the web methods: " + webMethods);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /** The public {@code doXxx} methods of every class of the plugin's Jenkins package (the engine has none). */
  private static List<Method> webMethods() throws Exception {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : classesOfThePackage()) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && method.getName().matches("do[A-Z]\\w*")) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static List<Class<?>> classesOfThePackage() throws Exception {
    Path root = Path.of(PypiServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path folder = root.resolve(PypiServer.class.getPackageName().replace('.', '/'));
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString().replaceAll("\\.class$", "");
        classes.add(Class.forName(PypiServer.class.getPackageName() + "." + name, false,
            WebMethodsTest.class.getClassLoader()));
      }
    }
    return classes;
  }
}
