package io.github.nexuspypi.core.index;

/**
 * PEP 592: a file that stays downloadable but that installers skip unless pinned. A file that is not yanked has no
 * {@code Yank} at all (a {@code null} where one is expected); a yank without a stated reason has the empty reason,
 * because HTML's {@code data-yanked=""} and JSON's {@code "yanked": true} carry no text either.
 */
public record Yank(String reason)
{
  public static final Yank WITHOUT_REASON = new Yank("");

  public Yank {
    reason = reason == null ? "" : reason;
  }

  public boolean hasReason() {
    return !reason.isEmpty();
  }
}
