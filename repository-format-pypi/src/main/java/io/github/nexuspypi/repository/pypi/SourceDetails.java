package io.github.nexuspypi.repository.pypi;

import java.time.Instant;
import java.util.Optional;

import javax.annotation.Nullable;

import io.github.nexuspypi.core.index.Yank;

/**
 * What the index a file is imported from says about it beyond its bytes (PEP 700 upload time, PEP 592 yank, the
 * page's Requires-Python), kept as the file's own so that an imported index reads as it did before. An upload has
 * none of it: it is uploaded now, not yanked, and requires what its metadata says.
 */
public final class SourceDetails
{
  public static final SourceDetails NONE = new SourceDetails(null, null, null);

  @Nullable
  private final Instant uploadTime;

  @Nullable
  private final Yank yank;

  @Nullable
  private final String requiresPython;

  public SourceDetails(@Nullable final Instant uploadTime, @Nullable final Yank yank,
                       @Nullable final String requiresPython)
  {
    this.uploadTime = uploadTime;
    this.yank = yank;
    this.requiresPython = requiresPython;
  }

  public Optional<Instant> uploadTime() {
    return Optional.ofNullable(uploadTime);
  }

  public Optional<Yank> yank() {
    return Optional.ofNullable(yank);
  }

  public Optional<String> requiresPython() {
    return Optional.ofNullable(requiresPython).filter(value -> !value.isBlank());
  }
}
