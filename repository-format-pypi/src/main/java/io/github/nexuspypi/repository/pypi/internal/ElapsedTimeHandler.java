package io.github.nexuspypi.repository.pypi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nexus's own {@link org.sonatype.nexus.repository.view.handlers.TimingHandler}, the first handler of every route,
 * with the request's elapsed time written without {@code String.format}. Nexus writes it through Guava's
 * {@code Stopwatch.toString()}, whose {@code String.format} builds new decimal symbols on each call: 7 % of a file
 * download's CPU in a profile, for a text no handler of the open core reads. The text is the same, and it is kept
 * under the same key, for whatever reads it in other editions.
 */
@Named
@Singleton
public class ElapsedTimeHandler
    implements Handler
{
  private static final Logger log = LoggerFactory.getLogger(ElapsedTimeHandler.class);

  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

  private static final TimeUnit[] LARGEST_FIRST = {TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MINUTES, TimeUnit.SECONDS,
      TimeUnit.MILLISECONDS, TimeUnit.MICROSECONDS};

  @Nullable
  private final Handler meteringHandler;

  @Inject
  public ElapsedTimeHandler(@Named("nexus.analytics.meteringHandler") @Nullable final Handler meteringHandler) {
    this.meteringHandler = meteringHandler;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    long started = System.nanoTime();
    try {
      if (meteringHandler != null) {
        context.insertHandler(meteringHandler);
      }
      return context.proceed();
    }
    finally {
      String elapsed = elapsedText(System.nanoTime() - started);
      context.getAttributes().set(org.sonatype.nexus.repository.view.handlers.TimingHandler.ELAPSED_KEY, elapsed);
      log.trace("Timing: {}", elapsed);
    }
  }

  /** As Guava's {@code Stopwatch} writes a duration: four significant digits in the largest whole unit. */
  static String elapsedText(final long nanos) {
    TimeUnit unit = largestWholeUnit(nanos);
    double value = (double) nanos / unit.toNanos(1);
    return fourSignificantDigits(value) + " " + symbol(unit);
  }

  private static TimeUnit largestWholeUnit(final long nanos) {
    for (TimeUnit unit : LARGEST_FIRST) {
      if (unit.convert(nanos, TimeUnit.NANOSECONDS) > 0) {
        return unit;
      }
    }
    return TimeUnit.NANOSECONDS;
  }

  // %.4g: rounded half up from the double's shortest decimal form, trailing zeros kept.
  private static String fourSignificantDigits(final double value) {
    if (value == 0 || value >= 1000) {
      return String.format(Locale.ROOT, "%.4g", value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).round(FOUR_DIGITS);
    if (rounded.precision() < 4) {
      rounded = rounded.setScale(rounded.scale() + 4 - rounded.precision(), RoundingMode.UNNECESSARY);
    }
    return rounded.toPlainString();
  }

  private static String symbol(final TimeUnit unit) {
    switch (unit) {
      case NANOSECONDS:
        return "ns";
      case MICROSECONDS:
        return "\u03bcs";
      case MILLISECONDS:
        return "ms";
      case SECONDS:
        return "s";
      case MINUTES:
        return "min";
      case HOURS:
        return "h";
      default:
        return "d";
    }
  }
}
