package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class PackageHandlerTest
{
  private static final String WHEEL = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  @Mock
  private Repository repository;

  @Mock
  private PypiContentFacet content;

  @Mock
  private FluentAsset asset;

  private final PackageHandler handler = new PackageHandler();

  @BeforeEach
  void setUp() {
    when(repository.facet(PypiContentFacet.class)).thenReturn(content);
  }

  private Response get(final String path) throws Exception {
    return handler.handle(new Context(repository, new Request.Builder().action(HttpMethods.GET).path(path).build()));
  }

  @Test
  void aStoredFileIsServed() throws Exception {
    Content stored = new Content(new BytesPayload("wheel bytes".getBytes(StandardCharsets.UTF_8), "application/zip"));
    when(content.findToDownload(WHEEL)).thenReturn(Optional.of(asset));
    when(asset.download()).thenReturn(stored);

    Response response = get(WHEEL);

    assertEquals(200, response.getStatus().getCode());
    assertSame(stored, response.getPayload());
  }

  @Test
  void aMissingFileIsNotFound() throws Exception {
    when(content.findToDownload(WHEEL + ".metadata")).thenReturn(Optional.empty());

    Response response = get(WHEEL + ".metadata");

    assertEquals(404, response.getStatus().getCode());
  }
}
