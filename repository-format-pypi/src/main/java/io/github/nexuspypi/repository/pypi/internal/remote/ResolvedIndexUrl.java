package io.github.nexuspypi.repository.pypi.internal.remote;

import java.net.URI;

/** The index URL a remote URL stands for, and how that was found, for the log. */
public final class ResolvedIndexUrl
{
  public enum Form
  {
    NAMED_INDEX("names an index (it ends in simple/ or +simple/), kept without asking upstream"),
    ALREADY_RESOLVED("was resolved when the repository was saved before, kept without asking upstream"),
    BASE("is the base of an index: upstream answers under simple/"),
    INDEX("is an index URL: upstream answers there");

    private final String description;

    Form(final String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private final URI indexUrl;

  private final Form form;

  ResolvedIndexUrl(final URI indexUrl, final Form form) {
    this.indexUrl = indexUrl;
    this.form = form;
  }

  /** The URL pip would take as {@code --index-url}, with a trailing slash: a project's page is its child. */
  public URI indexUrl() {
    return indexUrl;
  }

  public Form form() {
    return form;
  }
}
