package io.github.nexuspypi.jenkins.views;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Jelly files read as namespace-aware XML documents.
 */
final class JellyDocuments
{
  private JellyDocuments() {
  }

  static Document parse(final Path file) throws IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
    catch (ParserConfigurationException | SAXException e) {
      throw new IOException(file + " is not well-formed XML: " + e.getMessage(), e);
    }
  }
}
