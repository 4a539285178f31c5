package io.github.nexuspypi.core.index;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** PEP 700's {@code upload-time}: {@code yyyy-mm-ddThh:mm:ss.ffffffZ} in UTC, the fraction optional when reading. */
public final class UploadTime
{
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private UploadTime() {
  }

  /** Microsecond precision, the finest PEP 700 allows: any finer part of {@code time} is dropped. */
  public static String format(final Instant time) {
    return FORMAT.format(time.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Reads PEP 700 timestamps and, leniently, any ISO-8601 date-time with an offset, or without one (taken as UTC,
   * as the Warehouse JSON API's {@code upload_time} means it). {@code null} for anything else, since a bad optional
   * timestamp should cost a client this one detail rather than the whole page.
   */
  public static Instant parse(final String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
    catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
      }
      catch (DateTimeParseException notATimestamp) {
        return null;
      }
    }
  }
}
