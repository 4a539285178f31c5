package io.github.nexuspypi.jenkins;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The words the plugin's Jenkins classes show users come from {@code Messages.properties}, so that they can be
 * translated: no literal sentence in a form check, a build failure or a display name, no key nobody uses, and no
 * apostrophe MessageFormat would swallow. The engine ({@code publish/}) is outside: it speaks in plain English to
 * the build log, the same on every agent and in the tests that run it without Jenkins.
 */
class LocalizedMessagesTest
{
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  private static final Path SOURCES = MODULE.resolve("src/main/java/io/github/nexuspypi/jenkins");

  private static final Path MESSAGES = MODULE.resolve("src/main/resources/io/github/nexuspypi/jenkins/"
      + "Messages.properties");

  /** A string literal as the first argument of whatever shows text to a user. */
  private static final Pattern LITERAL_SHOWN = Pattern.compile("(FormValidation\\.\\w+|new AbortException"
      + "|new FormException|new IllegalArgumentException|\\.println)\\(\\s*\"|getDisplayName\\(\\)\\s*\\{\\s*"
      + "return\\s*\"");

  /** An apostrophe standing alone: MessageFormat reads it as a quote and drops it. */
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  @Test
  void noJenkinsClassShowsALiteralSentence() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path source : sources()) {
      Matcher literal = LITERAL_SHOWN.matcher(Files.readString(source, StandardCharsets.UTF_8));
      while (literal.find()) {
        String sink = literal.group(1) != null ? literal.group(1) : "getDisplayName";
        problems.add(source.getFileName() + " shows a literal through " + sink
            + ": put the sentence in Messages.properties");
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void everyMessageIsUsedAndKeepsItsApostrophes() throws IOException {
    String code = String.join("\n", sources().stream().map(LocalizedMessagesTest::read).collect(Collectors.toList()));
    List<String> problems = new ArrayList<>();
    Properties messages = messages();
    for (String key : messages.stringPropertyNames()) {
      String method = key.replace('.', '_');
      if (!code.contains("Messages." + method + "(") && !code.contains("Messages._" + method + "(")) {
        problems.add(key + " is used by no class");
      }
      if (LONE_APOSTROPHE.matcher(messages.getProperty(key)).find()) {
        problems.add(key + " has a single apostrophe, which MessageFormat drops: write ''");
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void aMessageReadsAsWritten() {
    assertEquals("Two PyPI servers have the id 'nexus': jobs name a server by its id, so give each its own.",
        Messages.PypiPublisherConfiguration_DuplicateId("nexus"));
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  private static String read(final Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties messages() throws IOException {
    Properties messages = new Properties();
    try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
      messages.load(reader);
    }
    return messages;
  }
}
