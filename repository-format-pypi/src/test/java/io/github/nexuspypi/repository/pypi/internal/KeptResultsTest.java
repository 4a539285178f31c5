package io.github.nexuspypi.repository.pypi.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeptResultsTest
{
  @Test
  void eachKeyIsComputedOnceWhileItIsKept() {
    List<Integer> computed = new ArrayList<>();
    KeptResults<Integer, String> squares = new KeptResults<>(10, key -> {
      computed.add(key);
      return String.valueOf(key * key);
    });

    assertEquals("9", squares.get(3));
    assertEquals("16", squares.get(4));
    assertEquals("9", squares.get(3));

    assertEquals(List.of(3, 4), computed);
  }

  @Test
  void aKeyPushedOutIsComputedAgain() {
    List<Integer> computed = new ArrayList<>();
    KeptResults<Integer, Integer> doubled = new KeptResults<>(1, key -> {
      computed.add(key);
      return key * 2;
    });

    doubled.get(1);
    doubled.get(2);

    assertEquals(2, doubled.get(1));
    assertEquals(List.of(1, 2, 1), computed);
  }
}
