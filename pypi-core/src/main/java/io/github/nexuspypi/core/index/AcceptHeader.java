package io.github.nexuspypi.core.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An HTTP {@code Accept} header (RFC 9110 §12.5.1) reduced to what content negotiation needs: ranges and q-values. */
final class AcceptHeader
{
  private record Range(String type, String subtype, double quality)
  {
    /** How closely this range names {@code type/subtype}: 2 exactly, 1 as {@code type/*}, 0 as {@code *}{@code /*}. */
    int specificity(final String mediaType) {
      int slash = mediaType.indexOf('/');
      String offeredType = mediaType.substring(0, slash);
      String offeredSubtype = mediaType.substring(slash + 1);
      if (type.equals("*") && subtype.equals("*")) {
        return 0;
      }
      if (!type.equals(offeredType)) {
        return -1;
      }
      if (subtype.equals("*")) {
        return 1;
      }
      return subtype.equals(offeredSubtype) ? 2 : -1;
    }
  }

  private final List<Range> ranges;

  private AcceptHeader(final List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Ranges that cannot be read (no slash, a bad q) are left out, as if the client had not sent them. */
  static AcceptHeader parse(final String header) {
    List<Range> ranges = new ArrayList<>();
    for (String element : header.split(",")) {
      String[] parts = element.split(";", -1);
      String mediaRange = parts[0].strip().toLowerCase(Locale.ROOT);
      int slash = mediaRange.indexOf('/');
      Double quality = qValue(parts);
      if (slash > 0 && slash < mediaRange.length() - 1 && quality != null) {
        ranges.add(new Range(mediaRange.substring(0, slash), mediaRange.substring(slash + 1), quality));
      }
    }
    return new AcceptHeader(ranges);
  }

  /**
   * The q-value that the most specific matching range gives a media type known under all of {@code names} (PEP
   * 691's concrete and {@code latest} names); 0 when no range matches.
   */
  double quality(final String... names) {
    int bestSpecificity = -1;
    double quality = 0;
    for (Range range : ranges) {
      int specificity = -1;
      for (String name : names) {
        specificity = Math.max(specificity, range.specificity(name));
      }
      if (specificity > bestSpecificity || (specificity == bestSpecificity && range.quality > quality)) {
        bestSpecificity = specificity;
        quality = range.quality;
      }
    }
    return bestSpecificity < 0 ? 0 : quality;
  }

  private static Double qValue(final String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].strip();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(parameter.substring(equals + 1).strip());
          return q >= 0 && q <= 1 ? q : null;
        }
        catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return 1.0;
  }
}
