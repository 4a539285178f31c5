package io.github.nexuspypi.jenkins.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the tags of Jenkins core's Jelly libraries ({@code /lib/form}, {@code /lib/layout}, ...) take, read from
 * core's own tag files: a tag is a {@code <name>.jelly} of its library's folder, and documents each attribute it
 * takes with {@code st:attribute}.
 */
final class JenkinsTagLibraries
{
  /** Where CI and every work tree have the real Jenkins sources: beside the repository, in ../shared. */
  private static final String CORE_LIBRARIES = "../shared/jenkins-sources/jenkins@jenkins-2.541.3/core/src/main/"
      + "resources/lib";

  private final Path libraries;

  private JenkinsTagLibraries(final Path libraries) {
    this.libraries = libraries;
  }

  /** Core's libraries, found from the module's folder (the repository's root is its parent). */
  static JenkinsTagLibraries ofCore(final Path moduleDirectory) {
    Path libraries = moduleDirectory.toAbsolutePath().normalize().getParent().resolve(CORE_LIBRARIES).normalize();
    if (!Files.isDirectory(libraries.resolve("form"))) {
      throw new IllegalStateException("Jenkins core's Jelly tag libraries are missing at " + libraries + ": the "
          + "views are checked against them. Put the real Jenkins sources in ../shared/jenkins-sources beside the "
          + "repository, as CI has them.");
    }
    return new JenkinsTagLibraries(libraries);
  }

  /** Whether {@code namespace} (e.g. {@code /lib/form}) is one of core's libraries or a known plugin's. */
  boolean isKnownLibrary(final String namespace) {
    return namespace != null && (PLUGIN_TAGS.containsKey(namespace)
        || namespace.startsWith("/lib/") && Files.isDirectory(folder(namespace)));
  }

  /**
   * The attributes the tag documents; empty when the tag documents none, so that any is taken; absent when its
   * library has no such tag.
   */
  Optional<Set<String>> attributes(final String namespace, final String tag) throws IOException {
    if (PLUGIN_TAGS.containsKey(namespace)) {
      return Optional.ofNullable(PLUGIN_TAGS.get(namespace).get(tag));
    }
    Path file = folder(namespace).resolve(tag + ".jelly");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Element root = JellyDocuments.parse(file).getDocumentElement();
    NodeList documented = root.getElementsByTagNameNS("jelly:stapler", "attribute");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < documented.getLength(); i++) {
      names.add(((Element) documented.item(i)).getAttribute("name"));
    }
    return Optional.of(names);
  }

  private Path folder(final String namespace) {
    return libraries.resolve(namespace.substring("/lib/".length()));
  }

  /** Namespaces that are Jelly's own, not tag libraries of files. */
  static final Set<String> BUILT_IN = Set.of("jelly:core", "jelly:stapler", "jelly:define");

  /**
   * The tags of plugin libraries the views use, with the attributes each documents: the plugins' Jelly files are not
   * in ../shared, so these are written down from them. {@code c:select} as credentials-plugin 1502.v5c95e620ddfe
   * (the version in ../shared/jenkins-sources) documents it in {@code lib/credentials/select.jelly}.
   */
  static final Map<String, Map<String, Set<String>>> PLUGIN_TAGS = Map.of("/lib/credentials",
      Map.of("select", Set.of("clazz", "field", "default", "expressionAllowed", "includeUser", "includeUserCaution",
          "context", "checkMethod")));
}
