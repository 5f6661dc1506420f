package ai.kinora.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A finite distribution: values with non-negative weights, sampled with a caller's random. */
public record Weighted<T>(List<T> values, List<Double> weights) {

  public Weighted {
    values = List.copyOf(values);
    weights = List.copyOf(weights);
    if (values.isEmpty() || values.size() != weights.size()) {
      throw new IllegalArgumentException("a distribution needs one weight per value, and a value");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
  }

  /** Every value equally likely. */
  @SafeVarargs
  public static <T> Weighted<T> uniform(T... values) {
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      w.add(1.0);
    }
    return new Weighted<>(List.of(values), w);
  }

  /** From an insertion-ordered map of value to weight. */
  public static <T> Weighted<T> of(Map<T, Double> weights) {
    LinkedHashMap<T, Double> copy = new LinkedHashMap<>(weights);
    return new Weighted<>(new ArrayList<>(copy.keySet()), new ArrayList<>(copy.values()));
  }

  public T sample(SplittableRandom random) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < values.size(); i++) {
      u -= weights.get(i);
      if (u < 0) {
        return values.get(i);
      }
    }
    for (int i = values.size() - 1; i >= 0; i--) {
      if (weights.get(i) > 0) {
        return values.get(i);
      }
    }
    throw new IllegalStateException("unreachable: no positive weight");
  }
}
