package io.github.nexuspypi.core.release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What Maven Central requires of pypi-core and of the parent it is published with, which the Jenkins plugin's
 * release resolves from there (docs/releasing.md): name, description, URL, license, developers and SCM in the
 * POMs, and a {@code central} profile attaching sources, javadoc and signatures.
 */
class CentralPomTest
{
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  private static final Set<String> REQUIRED_PLUGINS = Set.of("maven-source-plugin", "maven-javadoc-plugin",
      "maven-gpg-plugin", "central-publishing-maven-plugin");

  @Test
  void theParentCarriesWhatCentralRequires() throws Exception {
    Element parent = read(MODULE.resolve("../pom.xml"));
    List<String> missing = new ArrayList<>();
    for (String path : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
        "developers/developer/name", "scm/connection", "scm/developerConnection", "scm/url")) {
      if (text(parent, path).isBlank()) {
        missing.add(path);
      }
    }
    assertEquals(List.of(), missing, "the parent POM inherited by pypi-core lacks these");
  }

  @Test
  void pypiCoreHasItsOwnNameAndTheCentralProfileAttachesSourcesJavadocAndSignatures() throws Exception {
    assertFalse(text(read(MODULE.resolve("pom.xml")), "name").isBlank(), "pypi-core's <name>");
    Element central = profile(read(MODULE.resolve("../pom.xml")), "central");
    Set<String> plugins = new HashSet<>();
    NodeList artifacts = central.getElementsByTagName("artifactId");
    for (int i = 0; i < artifacts.getLength(); i++) {
      plugins.add(artifacts.item(i).getTextContent().strip());
    }
    assertEquals(REQUIRED_PLUGINS, plugins);
  }

  private static Element profile(final Element project, final String id) {
    NodeList profiles = project.getElementsByTagName("profile");
    for (int i = 0; i < profiles.getLength(); i++) {
      Element profile = (Element) profiles.item(i);
      if (text(profile, "id").equals(id)) {
        return profile;
      }
    }
    throw new AssertionError("no <profile> " + id + " in the parent POM");
  }

  private static Element read(final Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
  }

  /** The text at a path of direct children, e.g. {@code scm/url}: the project's own, never a plugin's. */
  private static String text(final Element start, final String path) {
    Element at = start;
    for (String step : path.split("/")) {
      at = child(at, step);
      if (at == null) {
        return "";
      }
    }
    return at.getTextContent().strip();
  }

  private static Element child(final Element parent, final String tag) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && node.getNodeName().equals(tag)) {
        return (Element) node;
      }
    }
    return null;
  }
}
