package io.github.nexuspypi.jenkins;

import java.util.List;
import java.util.Optional;

import hudson.util.FormValidation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

/**
 * The global server list's entries: their binding, their lookup by id, and the form's validation, whose answers
 * are Jenkins's FormValidation (stubbed, so the tests check which answer is given with which words).
 */
class PypiServerTest
{
  private MockedStatic<FormValidation> validation;

  @BeforeEach
  void answers() {
    validation = mockStatic(FormValidation.class);
    validation.when(FormValidation::ok).thenReturn(mock(FormValidation.class));
    validation.when(() -> FormValidation.error(anyString())).thenReturn(mock(FormValidation.class));
    validation.when(() -> FormValidation.warning(anyString())).thenReturn(mock(FormValidation.class));
  }

  @AfterEach
  void done() {
    validation.close();
  }

  @Test
  void bindsTrimmedValuesAndIsFoundById() {
    PypiServer server = new PypiServer(" nexus ", " https://nexus/repository/pypi-hosted/ ");
    server.setCredentialsId(" ");
    PypiServer other = new PypiServer("other", "https://other/");

    assertEquals("nexus", server.getId());
    assertEquals("https://nexus/repository/pypi-hosted/", server.getRepositoryUrl());
    assertNull(server.getCredentialsId());
    assertEquals(Optional.of(server), PypiServer.byId(List.of(other, server), "nexus"));
    assertEquals(Optional.empty(), PypiServer.byId(List.of(other, server), "missing"));
  }

  @Test
  void anIdIsRequiredAndPlain() {
    PypiServer.DescriptorImpl descriptor = new PypiServer.DescriptorImpl();

    descriptor.doCheckId("nexus-prod_1.0");
    validation.verify(FormValidation::ok);
    descriptor.doCheckId(" ");
    validation.verify(() -> FormValidation.error(contains("required")));
    descriptor.doCheckId("nexus prod");
    validation.verify(() -> FormValidation.error(contains("letters, digits")));
  }

  @Test
  void aRepositoryUrlMustBeHttpAndNotTheIndex() {
    PypiServer.DescriptorImpl descriptor = new PypiServer.DescriptorImpl();

    descriptor.doCheckRepositoryUrl("ftp://nexus/");
    validation.verify(() -> FormValidation.error(contains("http or https")));
    descriptor.doCheckRepositoryUrl("https://nexus/repository/pypi-group/simple/");
    validation.verify(() -> FormValidation.warning(contains("https://nexus/repository/pypi-group/")));
    descriptor.doCheckRepositoryUrl("https://nexus/repository/pypi-hosted/");
    validation.verify(FormValidation::ok);
  }
}
