package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the JSON values of the simple API as found in the wild. Required values of the wrong type make the page
 * unusable; optional ones of the wrong type are dropped, so that one odd field costs one detail, not the page.
 */
final class JsonLinkReader
{
  private JsonLinkReader() {
  }

  /** One entry of a project page's {@code files}; the parser stands on its START_OBJECT. */
  static DistributionLink file(final JsonParser json, final URI base) throws IOException {
    requireObject(json, "an entry of 'files'");
    String filename = null;
    String url = null;
    DistributionLink.Builder link = DistributionLink.builder("", "");
    Map<String, String> hashes = new LinkedHashMap<>();
    CoreMetadataRef legacyMetadata = null;
    boolean metadataSeen = false;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "filename" -> filename = requiredText(json, field);
        case "url" -> url = requiredText(json, field);
        case "hashes" -> hashes = stringMap(json);
        case "requires-python" -> link.requiresPython(optionalText(json));
        case "yanked" -> link.yank(yank(json));
        case "core-metadata" -> {
          link.coreMetadata(coreMetadata(json));
          metadataSeen = true;
        }
        // PEP 714 lets clients fall back to the old name; pypi.org once wrote it with a "data-" prefix.
        case "dist-info-metadata", "data-dist-info-metadata" -> legacyMetadata = coreMetadata(json);
        case "gpg-sig" -> link.gpgSig(json.currentToken().isBoolean() ? json.getBooleanValue() : null);
        case "size" -> link.size(size(json));
        case "upload-time" -> link.uploadTime(UploadTime.parse(optionalText(json)));
        default -> json.skipChildren();
      }
    }
    if (filename == null || url == null) {
      throw new IndexFormatException("A file entry on the JSON index page lacks its "
          + (filename == null ? "'filename'" : "'url'") + " (PEP 691)");
    }
    LinkUrl.Resolved resolved = LinkUrl.resolve(base, url);
    resolved.hashes().forEach(hashes::putIfAbsent);
    if (!metadataSeen) {
      link.coreMetadata(legacyMetadata);
    }
    return link.filename(filename).url(resolved.url()).hashes(hashes).build();
  }

  static void requireObject(final JsonParser json, final String what) throws IndexFormatException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw new IndexFormatException("Expected " + what + " to be a JSON object on the index page, found "
          + json.currentToken());
    }
  }

  static String requiredText(final JsonParser json, final String field) throws IOException {
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      throw new IndexFormatException("'" + field + "' on the JSON index page should be a string, found "
          + json.currentToken());
    }
    return json.getText();
  }

  static String optionalText(final JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    json.skipChildren();
    return null;
  }

  private static Map<String, String> stringMap(final JsonParser json) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return map;
    }
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName().toLowerCase(Locale.ROOT);
      json.nextToken();
      String value = optionalText(json);
      if (value != null) {
        map.put(key, value.toLowerCase(Locale.ROOT));
      }
    }
    return map;
  }

  /** PEP 592 in JSON: {@code true}, or a reason; pip counts the empty string as not yanked, and so do we. */
  private static Yank yank(final JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_TRUE) {
      return Yank.WITHOUT_REASON;
    }
    String reason = optionalText(json);
    return reason == null || reason.isEmpty() ? null : new Yank(reason);
  }

  private static CoreMetadataRef coreMetadata(final JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case VALUE_TRUE -> CoreMetadataRef.WITHOUT_HASH;
      case START_OBJECT -> new CoreMetadataRef(stringMap(json));
      // Not the JSON form, but what a page copying the HTML attribute would hold.
      case VALUE_STRING -> CoreMetadataRef.fromAttribute(json.getText());
      default -> {
        json.skipChildren();
        yield null;
      }
    };
  }

  private static Long size(final JsonParser json) throws IOException {
    boolean fitsLong = json.currentToken() == JsonToken.VALUE_NUMBER_INT
        && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    return fitsLong && json.getLongValue() >= 0 ? json.getLongValue() : null;
  }
}
