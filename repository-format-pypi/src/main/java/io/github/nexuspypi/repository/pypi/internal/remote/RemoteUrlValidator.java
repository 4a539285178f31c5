package io.github.nexuspypi.repository.pypi.internal.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import javax.validation.ConstraintViolation;

import io.github.nexuspypi.repository.pypi.internal.proxy.OriginCredentials;
import io.github.nexuspypi.repository.pypi.internal.recipe.PypiProxyRecipe;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.httpclient.HttpClientManager;
import org.sonatype.nexus.httpclient.config.AuthenticationConfiguration;
import org.sonatype.nexus.httpclient.config.ConfigurationCustomizer;
import org.sonatype.nexus.httpclient.config.ConnectionConfiguration;
import org.sonatype.nexus.httpclient.config.HttpClientConfiguration;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.manager.ConfigurationValidator;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.validation.ConstraintViolationFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Turns a {@code pypi-proxy}'s remote URL into the index URL it stands for when the repository is created or
 * updated, and stores that in its place, so that the REST API and the UI show what the proxy asks. Nexus runs
 * configuration validators on create and update only, not when it loads repositories at start, so a start never
 * waits on upstream. A remote URL behind which no index can be found is refused, naming the URLs tried.
 */
@Named
@Singleton
public class RemoteUrlValidator
    extends ComponentSupport
    implements ConfigurationValidator
{
  private static final String PROXY = "proxy";

  private static final String REMOTE_URL = "remoteUrl";

  private static final String HTTP_CLIENT = "httpclient";

  private final HttpClientManager httpClientManager;

  private final ObjectMapper configurationMapper;

  private final ConstraintViolationFactory violations;

  private final Provider<RepositoryManager> repositoryManager;

  @Inject
  public RemoteUrlValidator(
      final HttpClientManager httpClientManager,
      // Nexus's own reader of configuration sections: it knows how secrets and time spans are written there.
      @Named("repository-configuration") final ObjectMapper configurationMapper,
      final ConstraintViolationFactory violations,
      final Provider<RepositoryManager> repositoryManager)
  {
    this.httpClientManager = httpClientManager;
    this.configurationMapper = configurationMapper;
    this.violations = violations;
    this.repositoryManager = repositoryManager;
  }

  @Nullable
  @Override
  public ConstraintViolation<?> validate(final Configuration configuration) {
    if (!PypiProxyRecipe.NAME.equals(configuration.getRecipeName())) {
      return null;
    }
    Optional<URI> remoteUrl = httpUrl(configuration.attributes(PROXY).get(REMOTE_URL, String.class));
    if (remoteUrl.isEmpty()) {
      // Nexus's proxy facet says what is wrong with a missing or malformed URL.
      return null;
    }
    HttpClientConfiguration settings = httpClientConfiguration(configuration);
    try (CloseableHttpClient client = httpClientManager.create(new ConfigurationCustomizer(settings))) {
      ResolvedIndexUrl resolved = IndexUrlResolver.resolve(remoteUrl.get(), storedUrl(configuration),
          new HttpIndexProbe(client,
              new OriginCredentials(remoteUrl.get(), OriginCredentials.of(settings.getAuthentication()))));
      log.info("pypi-proxy {}: remote URL {} {}; the index URL is {}", configuration.getRepositoryName(),
          remoteUrl.get(), resolved.form(), resolved.indexUrl());
      configuration.attributes(PROXY).set(REMOTE_URL, resolved.indexUrl().toString());
      return null;
    }
    catch (UnresolvedIndexUrlException e) {
      log.warn("pypi-proxy {}: remote URL {} refused: {}", configuration.getRepositoryName(), remoteUrl.get(),
          e.getMessage());
      return violations.createViolation("attributes." + PROXY + "." + REMOTE_URL, e.getMessage());
    }
    catch (Exception e) {
      log.warn("pypi-proxy {}: could not check remote URL {}", configuration.getRepositoryName(), remoteUrl.get(), e);
      return violations.createViolation("attributes." + PROXY + "." + REMOTE_URL,
          "Could not check the remote URL " + remoteUrl.get() + ": " + e);
    }
  }

  /** What the repository being updated stores now; empty for a new one. */
  private Optional<URI> storedUrl(final Configuration configuration) {
    Repository existing = repositoryManager.get().get(configuration.getRepositoryName());
    if (existing == null || !PypiProxyRecipe.NAME.equals(existing.getConfiguration().getRecipeName())) {
      return Optional.empty();
    }
    return httpUrl(existing.getConfiguration().attributes(PROXY).get(REMOTE_URL, String.class));
  }

  /** The connection and credentials the repository will use, over Nexus's global HTTP settings. */
  private HttpClientConfiguration httpClientConfiguration(final Configuration configuration) {
    HttpClientConfiguration settings = httpClientManager.newConfiguration();
    Map<String, Object> section = configuration.getAttributes().get(HTTP_CLIENT);
    if (section != null) {
      Object connection = section.get("connection");
      if (connection != null) {
        settings.setConnection(configurationMapper.convertValue(connection, ConnectionConfiguration.class));
      }
      Object authentication = section.get("authentication");
      if (authentication != null) {
        settings.setAuthentication(
            configurationMapper.convertValue(authentication, AuthenticationConfiguration.class));
      }
    }
    return settings;
  }

  private static Optional<URI> httpUrl(@Nullable final String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.strip());
      boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
      return http && url.getHost() != null ? Optional.of(url) : Optional.empty();
    }
    catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
