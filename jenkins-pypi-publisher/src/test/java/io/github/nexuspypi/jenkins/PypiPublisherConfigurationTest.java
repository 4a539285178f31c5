package io.github.nexuspypi.jenkins;

import java.util.List;
import java.util.Optional;

import hudson.model.Descriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The global server list as the System page saves it (the form itself is Stapler's to bind: mocked). Built
 * without its constructor, which loads the saved configuration from a running Jenkins.
 */
class PypiPublisherConfigurationTest
{
  private final PypiPublisherConfiguration configuration = mock(PypiPublisherConfiguration.class, CALLS_REAL_METHODS);

  private final StaplerRequest2 request = mock(StaplerRequest2.class);

  @Test
  void theFormsServersReplaceTheSavedOnesAndAreFoundById() throws Exception {
    doNothing().when(configuration).save();
    PypiServer nexus = new PypiServer("nexus", "https://nexus/repository/pypi-hosted/");
    doAnswer(call -> {
      configuration.setServers(List.of(nexus));
      return null;
    }).when(request).bindJSON(any(), any());

    configuration.configure(request, null);

    assertEquals(List.of(nexus), configuration.getServers());
    assertEquals(Optional.of(nexus), configuration.server("nexus"));
    assertEquals(Optional.empty(), configuration.server("other"));
  }

  @Test
  void aFormWithoutServersLeavesNone() throws Exception {
    doNothing().when(configuration).save();
    configuration.setServers(List.of(new PypiServer("old", "https://old/")));

    configuration.configure(request, null);

    assertTrue(configuration.getServers().isEmpty());
    verify(configuration, atLeastOnce()).save();
  }

  @Test
  void aFormWithTwoServersOfOneIdIsRefusedAndKeepsTheSavedOnes() throws Exception {
    doNothing().when(configuration).save();
    PypiServer saved = new PypiServer("nexus", "https://nexus/repository/pypi-hosted/");
    configuration.setServers(List.of(saved));
    doAnswer(call -> {
      configuration.setServers(List.of(new PypiServer("nexus", "https://a/"), new PypiServer("nexus", "https://b/")));
      return null;
    }).when(request).bindJSON(any(), any());

    Descriptor.FormException refused = assertThrows(Descriptor.FormException.class,
        () -> configuration.configure(request, null));

    assertTrue(refused.getMessage().contains("'nexus'"), refused.getMessage());
    assertEquals(List.of(saved), configuration.getServers());
  }

  @Test
  void configurationAsCodeWithTwoServersOfOneIdIsRefusedUnsaved() {
    PypiPublisherConfiguration fresh = mock(PypiPublisherConfiguration.class, CALLS_REAL_METHODS);

    assertThrows(IllegalArgumentException.class, () -> fresh.setServers(
        List.of(new PypiServer("nexus", "https://a/"), new PypiServer("other", "https://b/"),
            new PypiServer("nexus", "https://c/"))));

    verify(fresh, never()).save();
  }
}
