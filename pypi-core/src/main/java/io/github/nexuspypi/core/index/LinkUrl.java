package io.github.nexuspypi.core.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The URLs found on index pages: resolved against the page (or its {@code <base href>}), forgiven the characters
 * that browsers and pip forgive (spaces, non-ASCII), and split from a PEP 503 {@code #<hashname>=<hex>} fragment.
 */
final class LinkUrl
{
  /**
   * A link as the model keeps it: the URL without its hash fragment, that hash if there was one, and the last
   * segment of its path, decoded (the file name, when the anchor text does not give it).
   */
  record Resolved(String url, Map<String, String> hashes, String lastSegment)
  {
  }

  private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=";

  private LinkUrl() {
  }

  /** The URL relative links resolve against: the {@code <base href>} if the page has one, else the page's own. */
  static URI base(final URI pageUrl, final String baseHref) throws IndexFormatException {
    if (baseHref == null || baseHref.isBlank()) {
      return pageUrl;
    }
    URI base = toUri(baseHref);
    return pageUrl == null ? base : against(pageUrl, base);
  }

  /** {@code base} may be {@code null}: the link then stays as written, relative or not. */
  static Resolved resolve(final URI base, final String href) throws IndexFormatException {
    String cleaned = href.strip().replaceAll("[\t\n\r]", "");
    int hash = cleaned.indexOf('#');
    String withoutFragment = hash < 0 ? cleaned : cleaned.substring(0, hash);
    String fragment = hash < 0 ? "" : cleaned.substring(hash + 1);
    URI uri = base == null ? toUri(withoutFragment) : against(base, toUri(withoutFragment));
    String url = uri.toASCIIString();
    String segment = lastSegment(uri.getPath());
    int equals = fragment.indexOf('=');
    if (equals > 0 && isHashName(fragment.substring(0, equals)) && isHex(fragment.substring(equals + 1))) {
      return new Resolved(url, Map.of(fragment.substring(0, equals).toLowerCase(Locale.ROOT),
          fragment.substring(equals + 1).toLowerCase(Locale.ROOT)), segment);
    }
    return new Resolved(hash < 0 ? url : url + "#" + fragment, Map.of(), segment);
  }

  /** The last non-empty segment of a decoded URL path ({@code /simple/foo/} gives {@code foo}), or "". */
  static String lastSegment(final String path) {
    if (path == null) {
      return "";
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static URI against(final URI base, final URI reference) {
    if (reference.isAbsolute()) {
      return reference;
    }
    URI rooted = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
    URI resolved = rooted.resolve(reference);
    if (resolved.getRawAuthority() == null) {
      return resolved;
    }
    // RFC 3986 drops ".." segments that climb above the root; java.net.URI keeps them ("https://h/../x").
    String text = resolved.toString();
    String origin = resolved.getScheme() + "://" + resolved.getRawAuthority();
    String rest = text.substring(origin.length());
    while (rest.startsWith("/../") || rest.equals("/..")) {
      rest = rest.substring(3);
    }
    return URI.create(origin + (rest.isEmpty() ? "/" : rest));
  }

  private static URI toUri(final String text) throws IndexFormatException {
    try {
      return new URI(text);
    }
    catch (URISyntaxException strict) {
      try {
        return new URI(percentEncodeIllegal(text));
      }
      catch (URISyntaxException stillBad) {
        throw new IndexFormatException("Link '" + text + "' on the index page is not a URL: "
            + stillBad.getMessage(), stillBad);
      }
    }
  }

  /** What a browser does to a sloppy href before requesting it: every byte that may not stand in a URL escaped. */
  private static String percentEncodeIllegal(final String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0);
      boolean escape = c == '%' && i + 2 < text.length() && isHex(text.substring(i + 1, i + 3));
      if (plain || escape) {
        out.append(c);
        continue;
      }
      int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
      for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
      i = end - 1;
    }
    return out.toString();
  }

  private static boolean isHashName(final String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c == '_' || (c < 0x80 && Character.isLetterOrDigit(c)));
  }

  private static boolean isHex(final String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80);
  }
}
