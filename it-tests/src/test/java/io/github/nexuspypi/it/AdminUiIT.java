package io.github.nexuspypi.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.NexusSettings;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.ui.BrowserProblem;
import io.github.nexuspypi.it.ui.BrowserProblem.Kind;
import io.github.nexuspypi.it.ui.ChromiumSession;
import io.github.nexuspypi.it.ui.NexusAdminUi;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.IndexShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin UI's ExtJS forms for PyPI repositories, clicked through in a headless chromium. Nexus's coreui ships
 * the forms; on the base template the edit form renders only thanks to the plugin's
 * {@code firewall_RepositoryStatus} stub (AdministrationIT calls the same ExtDirect actions without a browser).
 */
@NexusTest
class AdminUiIT
{
  private static Nexus nexus;

  @RegisterExtension
  final ChromiumSession chromium = new ChromiumSession();

  @Test
  void theFormsCreateAndEditAHostedRepository() {
    NexusAdminUi ui = new NexusAdminUi(chromium.driver(), nexus.baseUri());
    String name = nexus.uniqueName("pypi-ui-browser");
    ui.signIn(NexusSettings.ADMIN_USER, nexus.adminPassword());

    ui.startCreating("pypi (hosted)");
    ui.type("Name", name);
    // The form picks a blob store by itself only when there is one, and other test classes create theirs.
    ui.choose("Blob store", "default");
    // Both differ from the form's defaults, so what Nexus stores can only come from the form.
    ui.choose("Deployment policy", "Allow redeploy");
    ui.toggle("Strict Content Type Validation");
    ui.press("Create repository");
    ui.awaitSuccess(name);
    ui.awaitListed(name);

    JsonNode created = nexus.admin().repositorySettings("pypi", "hosted", name);
    assertEquals("pypi", created.get("format").asText(), created::toString);
    assertEquals("hosted", created.get("type").asText(), created::toString);
    assertTrue(created.get("online").asBoolean(), created::toString);
    assertStorage(created, "ALLOW", false);

    ui.openRepository(name);

    // The form shows the repository it was opened for: a form left blank has none of these values.
    assertEquals(name, ui.valueOf("Name"));
    assertEquals("pypi", ui.valueOf("Format"));
    assertEquals("hosted", ui.valueOf("Type"));
    assertEquals(nexus.repositoryUri(name).toString(), ui.valueOf("URL"));
    assertTrue(ui.isChecked("Online"));
    assertEquals("default", ui.valueOf("Blob store"));
    assertFalse(ui.isChecked("Strict Content Type Validation"));
    assertEquals("Allow redeploy", ui.valueOf("Deployment policy"));
    assertFalse(ui.isChecked("Proprietary Components"));

    ui.choose("Deployment policy", "Read-only");
    ui.press("Save");
    ui.awaitSuccess(name);

    assertStorage(nexus.admin().repositorySettings("pypi", "hosted", name), "DENY", false);
    assertEquals(List.of(), chromium.problems().stream().filter(problem -> !isProOnlyEndpointMissing(problem))
        .map(BrowserProblem::toString).toList());
  }

  /**
   * Each shape of index by the URL its users paste (proxpi's without its slash, as pip takes it): the form saves the
   * index URL it resolves to and shows that, and the proxy serves upstream's pages and bytes.
   */
  @ParameterizedTest
  @EnumSource(IndexShape.class)
  void theFormsCreateAndEditAProxyOfEachShapeOfIndex(final IndexShape shape) {
    try (FakeIndex upstream = shape.start()) {
      String project = "ui-" + shape.name().toLowerCase();
      WheelBuilder wheel = WheelBuilder.of(project, "1.0");
      FakeFile file = upstream.project(project).file(wheel.fileName(), wheel.toBytes());
      String indexUrl = upstream.simpleUri().toString();
      NexusAdminUi ui = new NexusAdminUi(chromium.driver(), nexus.baseUri());
      String name = nexus.uniqueName("pypi-ui-proxy-" + shape.name().toLowerCase());
      ui.signIn(NexusSettings.ADMIN_USER, nexus.adminPassword());

      ui.startCreating("pypi (proxy)");
      ui.type("Name", name);
      ui.type("Remote storage", shape.remoteUrl(upstream));
      ui.choose("Blob store", "default");
      ui.press("Create repository");
      ui.awaitSuccess(name);
      ui.awaitListed(name);

      JsonNode created = nexus.admin().repositorySettings("pypi", "proxy", name);
      assertEquals("proxy", created.get("type").asText(), created::toString);
      assertEquals(indexUrl, created.at("/proxy/remoteUrl").asText(), created::toString);
      IndexPages pages = new IndexPages(nexus.anonymous(), name);
      assertEquals(List.of(file.filename()), filenames(pages.html(project)));
      assertEquals(List.of(file.filename()), filenames(pages.json(project)));
      assertArrayEquals(file.bytes(), Download.of(nexus.anonymous(), pages.fileUri(project, file.filename()))
          .body());

      ui.openRepository(name);
      assertEquals(indexUrl, ui.valueOf("Remote storage"));
      ui.type("Maximum metadata age", "30");
      ui.press("Save");
      ui.awaitSuccess(name);

      JsonNode edited = nexus.admin().repositorySettings("pypi", "proxy", name);
      assertEquals(30, edited.at("/proxy/metadataMaxAge").asInt(), edited::toString);
      assertEquals(indexUrl, edited.at("/proxy/remoteUrl").asText(), edited::toString);
      assertEquals(List.of(), chromium.problems().stream().filter(problem -> !isProOnlyEndpointMissing(problem))
          .map(BrowserProblem::toString).toList());
    }
  }

  /**
   * proxpi's host root, which holds no simple/: the form marks the field with the message naming both URLs tried,
   * and nothing is saved.
   */
  @Test
  void theFormRefusesARemoteUrlWhereNoIndexAnswers() {
    try (FakeIndex proxpi = FakeIndex.mountedAt("/index/")) {
      NexusAdminUi ui = new NexusAdminUi(chromium.driver(), nexus.baseUri());
      String name = nexus.uniqueName("pypi-ui-refused");
      ui.signIn(NexusSettings.ADMIN_USER, nexus.adminPassword());

      ui.startCreating("pypi (proxy)");
      ui.type("Name", name);
      ui.type("Remote storage", proxpi.uri().toString());
      ui.choose("Blob store", "default");
      ui.press("Create repository");
      String said = ui.awaitFieldError("Remote storage");

      assertTrue(said.contains("No PyPI index answers at " + proxpi.uri().resolve("/simple/")), said);
      assertTrue(said.contains("nor at " + proxpi.uri()), said);
      assertNull(nexus.admin().repository(name), "nothing is saved");
    }
  }

  @Test
  void theFormsCreateAGroupWithItsMembersInOrder() {
    String hosted = nexus.uniqueName("pypi-ui-member-hosted");
    String proxy = nexus.uniqueName("pypi-ui-member-proxy");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    // An index URL is saved without asking upstream: this machine may not reach pypi.org.
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, "https://pypi.org/simple/"));
    NexusAdminUi ui = new NexusAdminUi(chromium.driver(), nexus.baseUri());
    String name = nexus.uniqueName("pypi-ui-group");
    ui.signIn(NexusSettings.ADMIN_USER, nexus.adminPassword());

    ui.startCreating("pypi (group)");
    ui.type("Name", name);
    ui.choose("Blob store", "default");
    ui.addMember(hosted);
    ui.addMember(proxy);
    ui.press("Create repository");
    ui.awaitSuccess(name);
    ui.awaitListed(name);

    JsonNode created = nexus.admin().repositoryDefinition("pypi", "group", name);
    assertEquals(List.of(hosted, proxy), names(created.at("/group/memberNames")), created::toString);
    assertTrue(created.at("/pypi/dependencyConfusionGuard").asBoolean(), "the guard is on unless switched off");

    ui.openRepository(name);
    assertEquals("group", ui.valueOf("Type"));
    assertEquals(List.of(), chromium.problems().stream().filter(problem -> !isProOnlyEndpointMissing(problem))
        .map(BrowserProblem::toString).toList());
  }

  private static List<String> filenames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).toList();
  }

  private static List<String> names(final JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.asText()));
    return names;
  }

  private static void assertStorage(final JsonNode repository, final String writePolicy, final boolean strict) {
    JsonNode storage = repository.get("storage");
    assertEquals("default", storage.get("blobStoreName").asText(), repository::toString);
    assertEquals(strict, storage.get("strictContentTypeValidation").asBoolean(), repository::toString);
    // The REST API shows the policy as stored: the UI stores the enum's name, as for Nexus's own maven-releases.
    assertEquals(writePolicy, storage.get("writePolicy").asText(), repository::toString);
  }

  /**
   * Nexus's index page (rapture's index.vm) always loads {@code service/rest/v1/user-telemetry/javascript}, which
   * only Sonatype's telemetry plugin serves: on the base template the request answers 404, chromium reports the
   * script's load as aborted, and the page logs "Could not initialize telemetry" and goes on. Nothing else may fail.
   */
  private static boolean isProOnlyEndpointMissing(final BrowserProblem problem) {
    return problem.where().equals("GET " + nexus.baseUri() + "service/rest/v1/user-telemetry/javascript")
        && (problem.kind() == Kind.HTTP_ERROR && problem.what().equals("404")
        || problem.kind() == Kind.REQUEST_FAILED && problem.what().equals("net::ERR_ABORTED"))
        // A page loaded signed in also reports its use to service/rest/internal/ui/usage-metrics, which only Pro
        // serves: 404 on the base template, and nothing breaks.
        || problem.where().equals("GET " + nexus.baseUri() + "service/rest/internal/ui/usage-metrics")
        && problem.kind() == Kind.HTTP_ERROR && problem.what().equals("404");
  }
}
