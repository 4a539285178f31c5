package io.github.nexuspypi.it.dists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The core metadata file a distribution carries ({@code METADATA} in a wheel, {@code PKG-INFO} in an sdist), written
 * as an email-style header block and an optional description body. Fields are written in the order given and
 * never checked, so that tests can also write metadata an index must refuse.
 */
public final class CoreMetadataText
{
  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  private String description;

  private CoreMetadataText() {
  }

  /** {@code Metadata-Version: 2.1}, {@code Name} and {@code Version}, the fields every upload needs. */
  public static CoreMetadataText of(final String name, final String version) {
    return empty().field("Metadata-Version", "2.1").field("Name", name).field("Version", version);
  }

  /** No field at all, for metadata that lacks what an index requires. */
  public static CoreMetadataText empty() {
    return new CoreMetadataText();
  }

  /** Adds a field; multiple-use fields such as {@code Requires-Dist} are added once per value. */
  public CoreMetadataText field(final String name, final String value) {
    fields.add(Map.entry(name, value));
    return this;
  }

  /** Replaces every value of a field, or removes the field when {@code value} is null. */
  public CoreMetadataText set(final String name, final String value) {
    fields.removeIf(field -> field.getKey().equalsIgnoreCase(name));
    return value == null ? this : field(name, value);
  }

  /** The long description, written after the headers as metadata 2.1 allows. */
  public CoreMetadataText description(final String text) {
    this.description = text;
    return this;
  }

  /** The first value of a field, or null. */
  public String get(final String name) {
    return fields.stream().filter(field -> field.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  public byte[] toBytes() {
    StringBuilder text = new StringBuilder();
    fields.forEach(field -> text.append(field.getKey()).append(": ").append(field.getValue()).append('\n'));
    if (description != null) {
      text.append('\n').append(description);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The name as wheel and PEP 625 sdist file names write it: runs of {@code -_.} become {@code _}, lower case.
   * Written here rather than taken from pypi-core, so that the index's own rule is tested against another.
   */
  public static String fileNamePart(final String name) {
    return name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT);
  }
}
