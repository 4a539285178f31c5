package io.github.nexuspypi.core.index;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkUrlTest
{
  private static final URI PAGE = URI.create("https://pypi.example/simple/requests/");

  // RFC 3986 §5.4 resolution, as browsers and pip do it, against a project page URL.
  @ParameterizedTest
  @CsvSource({
      "../../packages/ab/requests-1.0.tar.gz, https://pypi.example/packages/ab/requests-1.0.tar.gz",
      "requests-1.0.tar.gz, https://pypi.example/simple/requests/requests-1.0.tar.gz",
      "/files/requests-1.0.tar.gz, https://pypi.example/files/requests-1.0.tar.gz",
      "//cdn.example/r-1.0.tar.gz, https://cdn.example/r-1.0.tar.gz",
      "https://files.pythonhosted.org/packages/r-1.0.tar.gz, https://files.pythonhosted.org/packages/r-1.0.tar.gz",
      "../../../../r-1.0.tar.gz, https://pypi.example/r-1.0.tar.gz",
      "r 1.0.tar.gz, https://pypi.example/simple/requests/r%201.0.tar.gz",
      "ré-1.0.tar.gz, https://pypi.example/simple/requests/r%C3%A9-1.0.tar.gz",
      "r%2B1.0.tar.gz, https://pypi.example/simple/requests/r%2B1.0.tar.gz",
      "'  r-1.0.tar.gz\n', https://pypi.example/simple/requests/r-1.0.tar.gz"
  })
  void resolvesAgainstThePage(final String href, final String expected) throws IndexFormatException {
    assertEquals(expected, LinkUrl.resolve(PAGE, href).url());
  }

  @Test
  void splitsTheHashFragment() throws IndexFormatException {
    LinkUrl.Resolved link = LinkUrl.resolve(PAGE, "r-1.0.tar.gz#SHA256=ABCdef0123");
    assertEquals(new LinkUrl.Resolved("https://pypi.example/simple/requests/r-1.0.tar.gz",
        Map.of("sha256", "abcdef0123"), "r-1.0.tar.gz"), link);
  }

  @Test
  void keepsOtherFragments() throws IndexFormatException {
    LinkUrl.Resolved link = LinkUrl.resolve(PAGE, "r-1.0.tar.gz#egg=r");
    assertEquals("https://pypi.example/simple/requests/r-1.0.tar.gz#egg=r", link.url());
    assertEquals(Map.of(), link.hashes());
  }

  @Test
  void leavesLinksRelativeWithoutAPage() throws IndexFormatException {
    assertEquals(new LinkUrl.Resolved("../../packages/r%20x.whl", Map.of("md5", "00ff"), "r x.whl"),
        LinkUrl.resolve(null, "../../packages/r x.whl#md5=00ff"));
  }

  @Test
  void resolvesTheBaseAgainstThePage() throws IndexFormatException {
    assertEquals(URI.create("https://pypi.example/mirror/"), LinkUrl.base(PAGE, "/mirror/"));
    assertEquals(PAGE, LinkUrl.base(PAGE, " "));
    assertEquals(URI.create("https://h/x/"), LinkUrl.base(null, "https://h/x/"));
  }

  @Test
  void resolvesAgainstAHostWithoutPath() throws IndexFormatException {
    assertEquals("https://h.example/r-1.0.tar.gz", LinkUrl.resolve(URI.create("https://h.example"), "r-1.0.tar.gz")
        .url());
  }

  @Test
  void namesTheHrefItCannotRead() {
    IndexFormatException e = assertThrows(IndexFormatException.class, () -> LinkUrl.resolve(PAGE, "http://[::1"));
    assertEquals(true, e.getMessage().startsWith("Link 'http://[::1' on the index page is not a URL"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"/simple/foo/, foo", "/simple/foo, foo", "/, ''", "'', ''", "/packages/a%20b.whl, a%20b.whl"})
  void findsTheLastSegment(final String path, final String expected) {
    assertEquals(expected, LinkUrl.lastSegment(path));
  }
}
