package io.github.nexuspypi.repository.pypi.internal.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.repository.pypi.internal.remote.ResolvedIndexUrl.Form;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexUrlResolverTest
{
  private static final ProbeAnswer JSON_ROOT = ProbeAnswer.of(200, "application/vnd.pypi.simple.v1+json");

  private static final ProbeAnswer HTML_ROOT = ProbeAnswer.of(200, "text/html; charset=utf-8");

  private static final ProbeAnswer MISSING = ProbeAnswer.of(404, "text/plain");

  private final Map<URI, ProbeAnswer> answers = new HashMap<>();

  private final List<URI> asked = new ArrayList<>();

  private final IndexProbe probe = candidate -> {
    asked.add(candidate);
    return answers.getOrDefault(candidate, MISSING);
  };

  @Test
  void aUrlEndingInSimpleIsTheIndexWithoutAskingUpstream() throws Exception {
    for (String url : List.of("https://pypi.org/simple/", "https://pypi.org/simple",
        "http://devpi:3141/root/pypi/+simple/", "http://art/artifactory/api/pypi/pypi-remote/simple")) {
      ResolvedIndexUrl resolved = IndexUrlResolver.resolve(URI.create(url), Optional.empty(), probe);

      assertEquals(url.endsWith("/") ? url : url + "/", resolved.indexUrl().toString());
      assertEquals(Form.NAMED_INDEX, resolved.form());
    }
    assertEquals(List.of(), asked);
  }

  @Test
  void aBaseWithAnIndexUnderSimpleResolvesToThatIndex() throws Exception {
    answers.put(URI.create("https://pypi.org/simple/"), JSON_ROOT);

    ResolvedIndexUrl resolved = IndexUrlResolver.resolve(URI.create("https://pypi.org"), Optional.empty(), probe);

    assertEquals(URI.create("https://pypi.org/simple/"), resolved.indexUrl());
    assertEquals(Form.BASE, resolved.form());
    assertEquals(List.of(URI.create("https://pypi.org/simple/")), asked);
  }

  @Test
  void anIndexUrlOfAnotherShapeIsKeptOnceSimpleBelowItIsMissing() throws Exception {
    answers.put(URI.create("http://proxpi:5000/index/"), HTML_ROOT);

    ResolvedIndexUrl resolved = IndexUrlResolver.resolve(URI.create("http://proxpi:5000/index"), Optional.empty(),
        probe);

    assertEquals(URI.create("http://proxpi:5000/index/"), resolved.indexUrl());
    assertEquals(Form.INDEX, resolved.form());
    assertEquals(List.of(URI.create("http://proxpi:5000/index/simple/"), URI.create("http://proxpi:5000/index/")),
        asked);
  }

  @Test
  void aUrlWhereNeitherAnswersIsRefusedNamingBoth() {
    answers.put(URI.create("http://host/app/"), ProbeAnswer.of(200, "text/plain"));

    UnresolvedIndexUrlException refused = assertThrows(UnresolvedIndexUrlException.class,
        () -> IndexUrlResolver.resolve(URI.create("http://host/app/"), Optional.empty(), probe));

    assertTrue(refused.getMessage().contains("http://host/app/simple/ (404 text/plain)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("http://host/app/ (200 text/plain)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--index-url"), refused.getMessage());
  }

  @Test
  void anUnreachableUpstreamIsRefusedWithTheWayToSaveItWithoutAsking() {
    answers.put(URI.create("http://down/simple/"), ProbeAnswer.failed(new ConnectException("Connection refused")));

    UnresolvedIndexUrlException refused = assertThrows(UnresolvedIndexUrlException.class,
        () -> IndexUrlResolver.resolve(URI.create("http://down/"), Optional.empty(), probe));

    assertTrue(refused.getMessage().contains("http://down/simple/ or http://down/"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ConnectException: Connection refused"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ending in simple/ or +simple/"), refused.getMessage());
    assertEquals(List.of(URI.create("http://down/simple/")), asked, "the URL itself is never taken on a guess");
  }

  @Test
  void credentialsAskedForOrAFailingServerSayNothingAboutTheUrl() {
    for (int status : List.of(401, 403, 407, 429, 500, 502, 503)) {
      answers.put(URI.create("http://auth/simple/"), ProbeAnswer.of(status, null));

      assertThrows(UnresolvedIndexUrlException.class,
          () -> IndexUrlResolver.resolve(URI.create("http://auth/"), Optional.empty(), probe), () -> "" + status);
    }
    answers.put(URI.create("http://auth/simple/"), MISSING);
    answers.put(URI.create("http://auth/"), ProbeAnswer.of(401, null));

    UnresolvedIndexUrlException refused = assertThrows(UnresolvedIndexUrlException.class,
        () -> IndexUrlResolver.resolve(URI.create("http://auth/"), Optional.empty(), probe));
    assertTrue(refused.getMessage().startsWith("Cannot tell whether http://auth/ is the PyPI index: it answered 401"),
        refused.getMessage());
  }

  @Test
  void theUrlResolvedBeforeIsKeptWhenTheSameRemoteUrlIsSavedAgain() throws Exception {
    Optional<URI> stored = Optional.of(URI.create("https://pypi.org/simple/"));

    ResolvedIndexUrl sameBase = IndexUrlResolver.resolve(URI.create("https://pypi.org/"), stored, probe);
    ResolvedIndexUrl otherShape = IndexUrlResolver.resolve(URI.create("http://proxpi/index/"),
        Optional.of(URI.create("http://proxpi/index/")), probe);

    assertEquals(URI.create("https://pypi.org/simple/"), sameBase.indexUrl());
    assertEquals(Form.ALREADY_RESOLVED, sameBase.form());
    assertEquals(URI.create("http://proxpi/index/"), otherShape.indexUrl());
    assertEquals(List.of(), asked, "editing other settings never depends on upstream");
  }

  @Test
  void aNewRemoteUrlIsAskedForAgain() throws Exception {
    answers.put(URI.create("http://new/simple/"), HTML_ROOT);

    ResolvedIndexUrl resolved = IndexUrlResolver.resolve(URI.create("http://new/"),
        Optional.of(URI.create("http://old/simple/")), probe);

    assertEquals(URI.create("http://new/simple/"), resolved.indexUrl());
    assertEquals(List.of(URI.create("http://new/simple/")), asked);
  }

  @Test
  void onlyTheSimpleApisTypesMakeAnIndex() {
    assertEquals(ProbeAnswer.Verdict.INDEX, JSON_ROOT.verdict());
    assertEquals(ProbeAnswer.Verdict.INDEX, HTML_ROOT.verdict());
    assertEquals(ProbeAnswer.Verdict.INDEX, ProbeAnswer.of(200, "application/vnd.pypi.simple.v1+html").verdict());
    assertEquals(ProbeAnswer.Verdict.NOT_AN_INDEX, ProbeAnswer.of(200, "application/json").verdict());
    assertEquals(ProbeAnswer.Verdict.NOT_AN_INDEX, ProbeAnswer.of(200, null).verdict());
    assertEquals(ProbeAnswer.Verdict.NOT_AN_INDEX, ProbeAnswer.of(301, null).verdict());
    assertEquals(ProbeAnswer.Verdict.UNKNOWN, ProbeAnswer.failed(new IOException("Read timed out")).verdict());
  }
}
