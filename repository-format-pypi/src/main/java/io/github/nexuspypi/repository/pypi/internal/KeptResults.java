package io.github.nexuspypi.repository.pypi.internal;

import java.util.function.Function;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Results of a pure function, the most recently used kept, for work done on every request whose input repeats (a
 * blob's location, a date's text). Not Guava's {@code computeIfAbsent}: that takes a segment lock even when the
 * result is there. Two threads missing the same key may both compute it; the function is pure, so either result is
 * right.
 */
public final class KeptResults<K, V>
{
  private final Cache<K, V> results;

  private final Function<K, V> compute;

  public KeptResults(final long mostResults, final Function<K, V> compute) {
    this.results = CacheBuilder.newBuilder().maximumSize(mostResults).build();
    this.compute = compute;
  }

  public V get(final K key) {
    V result = results.getIfPresent(key);
    if (result == null) {
      result = compute.apply(key);
      results.put(key, result);
    }
    return result;
  }
}
