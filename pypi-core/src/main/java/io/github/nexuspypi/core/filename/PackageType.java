package io.github.nexuspypi.core.filename;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of distribution an index accepts today, by the names the upload form's {@code filetype} field and the
 * JSON API's {@code packagetype} use (PEP 527 and PEP 715 retired every other kind).
 */
public enum PackageType
{
  SDIST("sdist"),
  BDIST_WHEEL("bdist_wheel");

  private final String formValue;

  PackageType(final String formValue) {
    this.formValue = formValue;
  }

  public String formValue() {
    return formValue;
  }

  public static Optional<PackageType> fromFormValue(final String value) {
    return Arrays.stream(values()).filter(type -> type.formValue.equals(value)).findFirst();
  }
}
