package io.github.nexuspypi.repository.pypi.internal.remote;

import java.io.IOException;
import java.util.Map;

import javax.validation.ConstraintViolation;

import org.sonatype.nexus.httpclient.HttpClientManager;
import org.sonatype.nexus.httpclient.config.ConnectionConfiguration;
import org.sonatype.nexus.httpclient.config.HttpClientConfiguration;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.config.SimpleConfiguration;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.validation.ConstraintViolationFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.protocol.HttpContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * What the validator makes of the remote URL typed into a proxy's settings. Upstream's answers themselves are the
 * probe's and the resolver's tests; here no index ever answers.
 */
class RemoteUrlValidatorTest
{
  private final HttpClientManager httpClientManager = mock(HttpClientManager.class);

  private final CloseableHttpClient client = mock(CloseableHttpClient.class);

  private final HttpClientConfiguration settings = mock(HttpClientConfiguration.class);

  private final ConstraintViolationFactory violations = mock(ConstraintViolationFactory.class);

  private final RepositoryManager repositoryManager = mock(RepositoryManager.class);

  private final RemoteUrlValidator validator = new RemoteUrlValidator(httpClientManager, new ObjectMapper(),
      violations, () -> repositoryManager);

  @BeforeEach
  void setUp() throws IOException {
    when(httpClientManager.newConfiguration()).thenReturn(settings);
    when(httpClientManager.create(any())).thenReturn(client);
    when(client.execute(any(HttpUriRequest.class), any(HttpContext.class))).thenThrow(new IOException("refused"));
  }

  private static Configuration proxy(final String recipe, final String remoteUrl) {
    Configuration configuration = new SimpleConfiguration();
    configuration.setRepositoryName("pypi-org");
    configuration.setRecipeName(recipe);
    configuration.attributes("proxy").set("remoteUrl", remoteUrl);
    return configuration;
  }

  private static String remoteUrl(final Configuration configuration) {
    return configuration.attributes("proxy").get("remoteUrl", String.class);
  }

  @Test
  void anotherFormatsProxyIsLeftAlone() {
    Configuration raw = proxy("raw-proxy", "https://repo.example/files");

    assertNull(validator.validate(raw));

    assertEquals("https://repo.example/files", remoteUrl(raw));
    verifyNoInteractions(httpClientManager);
  }

  @Test
  void aMissingOrMalformedUrlIsLeftToNexussOwnCheck() {
    for (String url : new String[] {"", "ftp://mirror.example/simple/", "https:///simple/", "not a url"}) {
      assertNull(validator.validate(proxy("pypi-proxy", url)), url);
    }
    verifyNoInteractions(httpClientManager);
  }

  @Test
  void aUrlThatNamesAnIndexIsStoredWithItsSlashWithoutAskingUpstream() throws IOException {
    Configuration configuration = proxy("pypi-proxy", " https://pypi.org/simple ");

    assertNull(validator.validate(configuration));

    assertEquals("https://pypi.org/simple/", remoteUrl(configuration));
    verify(client, never()).execute(any(HttpUriRequest.class), any(HttpContext.class));
  }

  @Test
  void savingAProxyAgainKeepsTheIndexUrlItHasWithoutAskingUpstream() throws IOException {
    Repository existing = mock(Repository.class);
    when(existing.getConfiguration()).thenReturn(proxy("pypi-proxy", "https://mirror.example/pypi/simple/"));
    when(repositoryManager.get("pypi-org")).thenReturn(existing);
    Configuration edited = proxy("pypi-proxy", "https://mirror.example/pypi");

    assertNull(validator.validate(edited));

    assertEquals("https://mirror.example/pypi/simple/", remoteUrl(edited));
    verify(client, never()).execute(any(HttpUriRequest.class), any(HttpContext.class));
  }

  @Test
  void aUrlBehindWhichNoIndexAnswersIsAViolationOfTheRemoteUrlField() {
    ConstraintViolation<?> violation = mock(ConstraintViolation.class);
    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    when(violations.createViolation(eq("attributes.proxy.remoteUrl"), message.capture()))
        .thenAnswer(call -> violation);
    Configuration configuration = proxy("pypi-proxy", "https://mirror.example/pypi/");

    assertSame(violation, validator.validate(configuration));

    assertTrue(message.getValue().contains("https://mirror.example/pypi/simple/"), message.getValue());
    assertEquals("https://mirror.example/pypi/", remoteUrl(configuration), "left as typed");
  }

  @Test
  void theRepositorysOwnConnectionSettingsAreUsedOverNexussGlobalOnes() throws IOException {
    Configuration configuration = proxy("pypi-proxy", "https://pypi.org/simple/");
    configuration.attributes("httpclient").set("connection", Map.of("retries", 7, "userAgentSuffix", "ci"));

    validator.validate(configuration);

    ArgumentCaptor<ConnectionConfiguration> connection = ArgumentCaptor.forClass(ConnectionConfiguration.class);
    verify(settings).setConnection(connection.capture());
    assertEquals(7, connection.getValue().getRetries());
    assertEquals("ci", connection.getValue().getUserAgentSuffix());
    verify(violations, never()).createViolation(anyString(), anyString());
  }
}
