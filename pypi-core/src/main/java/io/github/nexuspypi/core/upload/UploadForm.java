package io.github.nexuspypi.core.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The non-file fields of an upload request ({@code multipart/form-data}), in the order sent. A field may come more
 * than once ({@code classifiers}, {@code requires_dist}). Cleaned as Warehouse cleans them on arrival.
 */
public final class UploadForm
{
  /** What distutils and old setuptools wrote for every metadata field the author left out. */
  private static final String UNKNOWN = "UNKNOWN";

  private record Field(String name, String value)
  {
  }

  private final List<Field> fields = new ArrayList<>();

  /**
   * Adds a field, unless its value is {@code UNKNOWN}, which means "not given" (Warehouse drops the field when its
   * last value is; dropping each such value keeps the others of a repeated field). NUL characters are written as
   * {@code \x00}, because no database column stores them.
   */
  public UploadForm add(final String name, final String value) {
    if (value != null && !UNKNOWN.equals(value.strip())) {
      fields.add(new Field(name, value.replace("\0", "\\x00")));
    }
    return this;
  }

  public Optional<String> first(final String name) {
    return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
  }

  public List<String> all(final String name) {
    return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).toList();
  }

  /** The first value if it is not blank: clients send an empty field for a value they do not have. */
  Optional<String> given(final String name) {
    return first(name).filter(value -> !value.isBlank());
  }
}
