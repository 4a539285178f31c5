package io.github.nexuspypi.jenkins;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release POM, which this build cannot run, read for what maven-hpi-plugin and the Jenkins project's plugin
 * hosting require of it.
 */
class ReleasePomTest
{
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  private static Element project;

  @BeforeAll
  static void read() throws Exception {
    project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(MODULE.resolve("pom.xml").toFile())
        .getDocumentElement();
  }

  @Test
  void thePluginManagersDescriptionIsIndexJellyNotTheDescriptionElement() {
    assertTrue(Files.isRegularFile(MODULE.resolve("src/main/resources/index.jelly")),
        "maven-hpi-plugin needs src/main/resources/index.jelly");
    assertEquals(0, project.getElementsByTagName("description").getLength(),
        "a <description> without index.jelly fails the release build; index.jelly replaces it");
  }

  @Test
  void hostingFindsItsUrlScmAndLicense() {
    assertFalse(child(project, "url").isBlank(), "<url>");
    assertFalse(child(first("scm"), "connection").isBlank(), "<scm><connection>");
    assertEquals("MIT License", child(first("license"), "name"));
    assertTrue(Files.isRegularFile(MODULE.resolve("Jenkinsfile")), "a Jenkinsfile for ci.jenkins.io");
    assertTrue(Files.isRegularFile(MODULE.toAbsolutePath().normalize().getParent().resolve("LICENSE")),
        "the repository's LICENSE");
  }

  private static Element first(final String tag) {
    return (Element) project.getElementsByTagName(tag).item(0);
  }

  /** The text of a direct child: {@code <url>} of the project, not of its licenses. */
  private static String child(final Element parent, final String tag) {
    if (parent == null) {
      return "";
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && node.getNodeName().equals(tag)) {
        return node.getTextContent();
      }
    }
    return "";
  }
}
