package io.github.nexuspypi.it.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.gateway.FaultyGateway;
import io.github.nexuspypi.it.gateway.FaultyGateway.Fault;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.BuildOutputs;
import io.github.nexuspypi.it.nexus.NexusSettings;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.process.ProcessRunner;
import io.github.nexuspypi.jenkins.publish.ConnectionCheck;
import io.github.nexuspypi.jenkins.publish.DistributionPublisher;
import io.github.nexuspypi.jenkins.publish.PublishException;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.PublishedFile;
import io.github.nexuspypi.jenkins.publish.PublishedFile.Outcome;
import io.github.nexuspypi.jenkins.publish.UploadCredentials;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jenkins publisher's engine, as the plugin runs it on an agent, against a hosted repository of a real Nexus:
 * what it publishes, and how it meets every answer a repository gives (already there, 401, 403, 5xx and resets
 * through a faulty gateway) and a file larger than its heap.
 */
@NexusTest
class PublisherIT
{
  private static Nexus nexus;

  private static String hosted;

  private static String url;

  @TempDir
  Path workspaces;

  @BeforeAll
  static void aHostedRepository() {
    hosted = nexus.uniqueName("pypi-jenkins");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    url = nexus.repositoryUri(hosted).toString();
  }

  @Test
  void publishesWhatThePatternsMatchAndSaysWhereEachFileIsNow() throws Exception {
    Path workspace = workspace("matched");
    WheelBuilder wheel = WheelBuilder.of("jenkins-demo", "1.0");
    SdistBuilder sdist = SdistBuilder.of("jenkins-demo", "1.0");
    wheel.writeTo(workspace.resolve("dist"));
    sdist.writeTo(workspace.resolve("dist"));
    Files.writeString(workspace.resolve("dist/build.log"), "not a distribution");
    List<String> log = new ArrayList<>();

    List<PublishedFile> published = publisher(settings().files("dist/*.whl, dist/*.tar.gz"))
        .publish(workspace, log::add);

    assertEquals(List.of(wheel.fileName(), sdist.fileName()), names(published), "in path order");
    published.forEach(file -> assertEquals(Outcome.UPLOADED, file.outcome()));
    IndexPages pages = new IndexPages(nexus.anonymous(), hosted);
    assertEquals(pages.fileUri("jenkins-demo", wheel.fileName()).toString(), published.get(0).url());
    assertTrue(log.stream().anyMatch(line -> line.contains(wheel.fileName()) && line.contains("uploaded")
        && line.contains(published.get(0).url())), log::toString);
    assertFalse(String.join("\n", log).contains(nexus.adminPassword()), "no secret in the log");
  }

  /**
   * Most wheels built today say {@code Metadata-Version: 2.4} (PEP 639's {@code License-Expression} and
   * {@code License-File}), which Debian's twine 4.0.2 refuses to send; the publisher sends them, and 2.3 and 2.2.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2.4", "2.3", "2.2"})
  void wheelsOfEveryCurrentMetadataVersionArePublished(final String metadataVersion) throws Exception {
    String project = "jenkins-metadata-" + metadataVersion.replace('.', '-');
    Path workspace = workspace(project);
    WheelBuilder wheel = WheelBuilder.of(project, "1.0");
    wheel.metadata().set("Metadata-Version", metadataVersion).field("Summary", "Metadata " + metadataVersion)
        .field("Dynamic", "Requires-Dist");
    if (metadataVersion.equals("2.4")) {
      wheel.metadata().field("License-Expression", "MIT OR Apache-2.0").field("License-File", "LICENSE")
          .field("License-File", "licenses/NOTICE.txt");
      wheel.file(wheel.distInfo() + "/licenses/LICENSE", "MIT License\n");
      wheel.file(wheel.distInfo() + "/licenses/licenses/NOTICE.txt", "Notice\n");
    }
    wheel.writeTo(workspace.resolve("dist"));

    List<PublishedFile> published = publisher(settings()).publish(workspace, line -> { });

    assertEquals(Outcome.UPLOADED, published.get(0).outcome());
    JsonNode info = new ObjectMapper().readTree(nexus.anonymous().get("repository/" + hosted + "/pypi/" + project
        + "/json").body()).get("info");
    assertEquals("Metadata " + metadataVersion, info.get("summary").asText(), info::toPrettyString);
    if (metadataVersion.equals("2.4")) {
      assertEquals("MIT OR Apache-2.0", info.get("license_expression").asText(), info::toPrettyString);
      assertEquals(List.of("LICENSE", "licenses/NOTICE.txt"), List.of(info.get("license_files").get(0).asText(),
          info.get("license_files").get(1).asText()), info::toPrettyString);
    }
    String metadata = nexus.anonymous().get(new IndexPages(nexus.anonymous(), hosted).fileUri(project,
        wheel.fileName()) + ".metadata").body();
    assertEquals(new String(wheel.metadataBytes(), StandardCharsets.UTF_8), metadata);
  }

  @Test
  void aFileAlreadyThereFailsUnlessSkippingIsAsked() throws Exception {
    WheelBuilder first = WheelBuilder.of("jenkins-again", "1.0");
    first.writeTo(workspace("first").resolve("dist"));
    publisher(settings()).publish(workspace("first"), line -> { });
    Path rebuilt = workspace("rebuilt");
    WheelBuilder.of("jenkins-again", "1.0").file("jenkins_again/extra.py", "x = 1\n").writeTo(rebuilt.resolve("dist"));

    PublishException refused = assertThrows(PublishException.class,
        () -> publisher(settings()).publish(rebuilt, line -> { }));
    assertTrue(refused.getMessage().contains("File already exists") && refused.getMessage().contains("skipExisting"),
        refused.getMessage());

    List<PublishedFile> skipped = publisher(settings().skipExisting(true)).publish(rebuilt, line -> { });
    assertEquals(Outcome.ALREADY_THERE, skipped.get(0).outcome());
  }

  @Test
  void withoutCredentialsOrWithoutAddTheMessageSaysSo() throws IOException {
    Path workspace = workspace("refused");
    WheelBuilder.of("jenkins-refused", "1.0").writeTo(workspace.resolve("dist"));
    RepositoryUser reader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("jenkins-reader"), "pypi", hosted,
        "read");

    PublishException anonymous = assertThrows(PublishException.class,
        () -> publisher(PublishSettings.to(url)).publish(workspace, line -> { }));
    PublishException forbidden = assertThrows(PublishException.class, () -> publisher(PublishSettings.to(url)
        .credentials(UploadCredentials.usernamePassword(reader.name(), reader.password())))
        .publish(workspace, line -> { }));

    assertTrue(anonymous.getMessage().contains("401") && anonymous.getMessage().contains("credentialsId"),
        anonymous.getMessage());
    assertTrue(forbidden.getMessage().contains("403") && forbidden.getMessage().contains(reader.name()),
        forbidden.getMessage());
    assertEquals(404, new IndexPages(nexus.anonymous(), hosted).status("jenkins-refused"), "nothing was published");
  }

  @Test
  void serviceUnavailableAndResetConnectionsAreTriedAgain() throws Exception {
    Path workspace = workspace("flaky");
    WheelBuilder.of("jenkins-flaky", "1.0").writeTo(workspace.resolve("dist"));
    List<String> log = new ArrayList<>();
    try (FaultyGateway gateway = FaultyGateway.to(nexus.baseUri())) {
      String throughGateway = gateway.through(nexus.repositoryUri(hosted)).toString();
      gateway.failNext(Fault.SERVICE_UNAVAILABLE, Fault.CONNECTION_RESET);

      List<PublishedFile> published = publisher(PublishSettings.to(throughGateway).credentials(admin()).retries(2)
          .firstRetryDelay(Duration.ofMillis(100))).publish(workspace, log::add);

      assertEquals(Outcome.UPLOADED, published.get(0).outcome());
      assertEquals(2, log.stream().filter(line -> line.contains("trying again")).count(), log::toString);

      gateway.failNext(Fault.SERVICE_UNAVAILABLE);
      PublishException failed = assertThrows(PublishException.class, () -> publisher(PublishSettings
          .to(throughGateway).credentials(admin()).retries(0)).publish(workspace, line -> { }));
      assertTrue(failed.getMessage().contains("failed 1 time(s), last with 503"), failed.getMessage());
    }
  }

  @Test
  void aBadFileStopsThePublishBeforeAnythingIsSent() throws IOException {
    Path workspace = workspace("bad");
    WheelBuilder.of("jenkins-good", "1.0").writeTo(workspace.resolve("dist"));
    WheelBuilder mislabelled = WheelBuilder.of("jenkins-bad", "1.0");
    mislabelled.metadata().set("Version", "2.0");
    mislabelled.writeTo(workspace.resolve("dist"));

    PublishException refused = assertThrows(PublishException.class,
        () -> publisher(settings()).publish(workspace, line -> { }));

    assertTrue(refused.getMessage().contains(mislabelled.fileName()), refused.getMessage());
    assertEquals(404, new IndexPages(nexus.anonymous(), hosted).status("jenkins-good"), "nothing was sent");
  }

  @Test
  void aFailureHalfwayStillReportsTheFilesPublishedBeforeIt() throws Exception {
    WheelBuilder.of("jenkins-half-b", "1.0").writeTo(workspace("taken").resolve("dist"));
    publisher(settings()).publish(workspace("taken"), line -> { });
    Path workspace = workspace("half");
    WheelBuilder first = WheelBuilder.of("jenkins-half-a", "1.0");
    first.writeTo(workspace.resolve("dist"));
    WheelBuilder.of("jenkins-half-b", "1.0").file("jenkins_half_b/extra.py", "x = 1\n")
        .writeTo(workspace.resolve("dist"));

    PublishException refused = assertThrows(PublishException.class,
        () -> publisher(settings()).publish(workspace, line -> { }));

    assertTrue(refused.getMessage().contains("File already exists"), refused.getMessage());
    List<PublishedFile> before = refused.publishedBefore();
    assertEquals(List.of(first.fileName()), names(before), "the build page lists what is in the repository now");
    assertEquals(Outcome.UPLOADED, before.get(0).outcome());
    assertEquals(new IndexPages(nexus.anonymous(), hosted).fileUri("jenkins-half-a", first.fileName()).toString(),
        before.get(0).url());
  }

  @Test
  void aPatternLeavingTheWorkspaceFailsWithASentenceAndSendsNothing() throws IOException {
    Path workspace = workspace("inside");
    WheelBuilder.of("jenkins-outside", "1.0").writeTo(workspaces.resolve("dist"));

    PublishException refused = assertThrows(PublishException.class,
        () -> publisher(settings().files("../dist/*.whl")).publish(workspace, line -> { }));

    assertTrue(refused.getMessage().contains("must stay inside the workspace"), refused.getMessage());
    assertEquals(404, new IndexPages(nexus.anonymous(), hosted).status("jenkins-outside"));
  }

  @Test
  void aDryRunChecksAndListsButSendsNothingAndAnEmptyMatchIsAnError() throws Exception {
    Path workspace = workspace("dry");
    WheelBuilder.of("jenkins-dry", "1.0").writeTo(workspace.resolve("dist"));

    List<PublishedFile> listed = publisher(settings().dryRun(true)).publish(workspace, line -> { });

    assertEquals(Outcome.DRY_RUN, listed.get(0).outcome());
    assertEquals(404, new IndexPages(nexus.anonymous(), hosted).status("jenkins-dry"));
    assertThrows(PublishException.class, () -> publisher(settings().files("wheels/*.whl")).publish(workspace,
        line -> { }));
    assertEquals(List.of(), publisher(settings().files("wheels/*.whl").failWhenNothingMatches(false))
        .publish(workspace, line -> { }));
  }

  @Test
  void aFileOfMoreThan100MiBIsStreamedByAnEngineWith64MiBOfHeap() throws Exception {
    Path workspace = workspace("large");
    Path wheel = LargeWheel.write(Files.createDirectories(workspace.resolve("dist")), "jenkins-large", "1.0",
        110L * 1024 * 1024, 7);
    Path buildDir = BuildOutputs.fromSystemProperty().buildDir();
    String classPath = buildDir.resolve("classes") + ":" + Files.readString(buildDir.resolve("runtime-classpath.txt"))
        .strip();
    Command command = new Command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
        classPath, PublishMain.class.getName(), workspace.toString(), url, NexusSettings.ADMIN_USER,
        nexus.adminPassword(), "dist/*.whl"), workspace, Map.of(), Duration.ofMinutes(5));

    ProcessResult result = ProcessRunner.run(command, workspace.resolve("publish.log")).requireSuccess();

    assertTrue(result.output().contains("uploaded") && result.output().contains("max heap"), result::describe);
    assertEquals(Files.size(wheel), new IndexPages(nexus.anonymous(), hosted)
        .link("jenkins-large", wheel.getFileName().toString(), IndexPages.JSON).size());
  }

  @Test
  void testConnectionTellsWhetherTheRepositoryAnswersWithTheseCredentials() throws Exception {
    String connected = new ConnectionCheck(settings().build()).run();
    assertTrue(connected.startsWith("Connected") && connected.contains(NexusSettings.ADMIN_USER), connected);

    PublishException wrongPassword = assertThrows(PublishException.class, () -> new ConnectionCheck(PublishSettings
        .to(url).credentials(UploadCredentials.usernamePassword(NexusSettings.ADMIN_USER, "wrong")).build()).run());
    assertTrue(wrongPassword.getMessage().startsWith("401"), wrongPassword.getMessage());

    PublishException noRepository = assertThrows(PublishException.class, () -> new ConnectionCheck(PublishSettings
        .to(nexus.repositoryUri("no-such-repository").toString()).credentials(admin()).build()).run());
    assertTrue(noRepository.getMessage().startsWith("404"), noRepository.getMessage());
  }

  private Path workspace(final String name) throws IOException {
    return Files.createDirectories(workspaces.resolve(name));
  }

  private static PublishSettings.Builder settings() {
    return PublishSettings.to(url).credentials(admin());
  }

  private static UploadCredentials admin() {
    return UploadCredentials.usernamePassword(NexusSettings.ADMIN_USER, nexus.adminPassword());
  }

  private static DistributionPublisher publisher(final PublishSettings.Builder settings) {
    return new DistributionPublisher(settings.build());
  }

  private static List<String> names(final List<PublishedFile> files) {
    return files.stream().map(PublishedFile::filename).collect(Collectors.toList());
  }
}
