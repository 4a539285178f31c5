package io.github.nexuspypi.repository.pypi.internal;

import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.sonatype.nexus.common.collect.AttributesMap;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.handlers.TimingHandler;

import com.google.common.base.Stopwatch;
import com.google.common.base.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ElapsedTimeHandlerTest
{
  /** Every unit, the edges between units, values that round up to the next power of ten, and plain ones. */
  static Stream<Long> durations() {
    Stream<Long> edges = Stream.of(TimeUnit.MICROSECONDS, TimeUnit.MILLISECONDS, TimeUnit.SECONDS, TimeUnit.MINUTES,
        TimeUnit.HOURS, TimeUnit.DAYS).map(unit -> unit.toNanos(1)).flatMap(
        one -> Stream.of(one - 1, one, one + 1, one * 9_999 / 10_000, one * 99_995 / 100_000));
    Stream<Long> spread = LongStream.iterate(1, nanos -> nanos < TimeUnit.DAYS.toNanos(3), nanos -> nanos * 7 + 3)
        .boxed();
    return Stream.of(Stream.of(0L, 5L, 999L, 1_234_567L, 999_950L, 999_949L, 12_345_678_901L), edges, spread)
        .flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("durations")
  void theElapsedTextIsWhatNexusWritesThroughGuava(final long nanos) {
    assertEquals(guavaText(nanos), ElapsedTimeHandler.elapsedText(nanos));
  }

  @Test
  void theTextIsKeptUnderNexussKeyAndTheAnswerPassedOn() throws Exception {
    Context context = mock(Context.class);
    AttributesMap attributes = new AttributesMap();
    Response answer = HttpResponses.ok();
    when(context.getAttributes()).thenReturn(attributes);
    when(context.proceed()).thenReturn(answer);

    assertSame(answer, new ElapsedTimeHandler(null).handle(context));
    assertTrue(attributes.get(TimingHandler.ELAPSED_KEY, String.class).matches("[0-9.]+ (ns|\u03bcs|ms|s)"),
        attributes.get(TimingHandler.ELAPSED_KEY, String.class));
    verify(context, never()).insertHandler(any());
  }

  @Test
  void aMeteringHandlerGoesInBeforeTheRest() throws Exception {
    Context context = mock(Context.class);
    Handler metering = mock(Handler.class);
    when(context.getAttributes()).thenReturn(new AttributesMap());
    when(context.proceed()).thenReturn(HttpResponses.ok());

    new ElapsedTimeHandler(metering).handle(context);

    InOrder order = inOrder(context);
    order.verify(context).insertHandler(metering);
    order.verify(context).proceed();
  }

  @Test
  void theTextIsKeptWhenTheRestFails() throws Exception {
    Context context = mock(Context.class);
    AttributesMap attributes = new AttributesMap();
    when(context.getAttributes()).thenReturn(attributes);
    when(context.proceed()).thenThrow(new IllegalStateException("broken"));

    assertThrows(IllegalStateException.class, () -> new ElapsedTimeHandler(null).handle(context));
    assertEquals(String.class, attributes.get(TimingHandler.ELAPSED_KEY).getClass());
  }

  private static String guavaText(final long nanos) {
    long[] now = {0};
    Stopwatch watch = Stopwatch.createStarted(new Ticker()
    {
      @Override
      public long read() {
        return now[0];
      }
    });
    now[0] = nanos;
    return watch.toString();
  }
}
