package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generator pieces shared by the random table sessions ({@link Sessions}) and plenaries
 * ({@link PlenarySessions}).
 */
final class Generators {
  private Generators() {}

  /** Ids {@code prefix1} to {@code prefix<max>}, mostly the small ones, and now and then null. */
  static Arbitrary<String> ids(String prefix, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.<String>just(null)),
        Tuple.of(20,
            Arbitraries.integers().between(1, max).withDistribution(RandomDistribution.biased())
                .map(n -> prefix + n)));
  }

  /**
   * Texts that are mostly fine ({@code fine} times as often as each of blank, null and one
   * character over {@code limit}).
   */
  static Arbitrary<String> texts(int limit, int fine) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of("", "   ")),
        Tuple.of(1, Arbitraries.<String>just(null)),
        Tuple.of(1, Arbitraries.just("x".repeat(limit + 1))),
        Tuple.of(fine, Arbitraries.of("Bike lanes", " Trees ", "Benches", "Why?")));
  }

  /** The three lists one after another, as a new list. */
  static <T> Arbitrary<List<T>> concat(
      Arbitrary<List<T>> first, Arbitrary<List<T>> second, Arbitrary<List<T>> third) {
    return Combinators.combine(first, second, third).as((a, b, c) -> {
      List<T> all = new ArrayList<>(a);
      all.addAll(b);
      all.addAll(c);
      return all;
    });
  }
}
