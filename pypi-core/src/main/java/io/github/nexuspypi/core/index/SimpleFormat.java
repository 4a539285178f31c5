package io.github.nexuspypi.core.index;

import java.util.Locale;

/**
 * The forms a simple API page can take (PEP 691), in the order pypi.org offers them, which decides ties: a client
 * that likes them all equally (curl, a browser) gets {@code text/html}.
 */
public enum SimpleFormat
{
  TEXT_HTML("text/html", "text/html"),
  HTML_V1("application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html"),
  JSON_V1("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json");

  /**
   * What a client of an index sends to read its pages: JSON first (PEP 691), as pip asks; an HTML-only index answers
   * text/html anyway.
   */
  public static final String CLIENT_ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

  private final String mediaType;

  /** The PEP 691 meta-version that names this form too; a client asking for it is answered with the concrete one. */
  private final String alias;

  SimpleFormat(final String mediaType, final String alias) {
    this.mediaType = mediaType;
    this.alias = alias;
  }

  public String mediaType() {
    return mediaType;
  }

  public boolean isJson() {
    return this == JSON_V1;
  }

  /**
   * The form to answer a request with, chosen as pypi.org does: the offer with the highest q-value the header gives
   * it (through its most specific matching range), ties going to the earlier offer, and {@link #TEXT_HTML} when
   * nothing is acceptable, rather than a 406. No header at all counts as {@code *}{@code /*}.
   */
  public static SimpleFormat negotiate(final String acceptHeader) {
    AcceptHeader accept = AcceptHeader.parse(acceptHeader == null || acceptHeader.isBlank() ? "*/*" : acceptHeader);
    SimpleFormat best = TEXT_HTML;
    double bestQuality = 0;
    for (SimpleFormat offer : values()) {
      double quality = accept.quality(offer.mediaType, offer.alias);
      if (quality > bestQuality) {
        best = offer;
        bestQuality = quality;
      }
    }
    return best;
  }

  /**
   * The form a single media type names, without parameters and in any case: the {@code Content-Type} of an upstream
   * answer (to pick its parser, as pip does) or PEP 691's optional {@code ?format=} parameter, which may name a
   * {@code latest} meta-version. {@code null} when it is none of the simple API's types.
   */
  public static SimpleFormat ofMediaType(final String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    for (SimpleFormat format : values()) {
      if (format.mediaType.equals(type) || format.alias.equals(type)) {
        return format;
      }
    }
    return null;
  }
}
