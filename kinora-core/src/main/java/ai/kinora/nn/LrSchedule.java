package ai.kinora.nn;

/**
 * A learning-rate schedule as a pure function of the update index: linear warmup from peak / warmup
 * to peak, then either constant or a cosine decay to {@code floor} at {@code totalSteps}
 * (Loshchilov and Hutter 2017, without restarts).
 */
public record LrSchedule(
    double peak, long warmupSteps, long totalSteps, double floor, LrSchedule.Decay decay) {

  /** What happens after warmup. */
  public enum Decay {
    CONSTANT,
    COSINE
  }

  public LrSchedule {
    if (!(peak > 0) || Double.isInfinite(peak)) {
      throw new IllegalArgumentException("peak learning rate must be positive, got " + peak);
    }
    if (warmupSteps < 0 || totalSteps < warmupSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warmupSteps <= totalSteps, got " + warmupSteps + ", " + totalSteps);
    }
    if (!(floor >= 0 && floor <= peak)) {
      throw new IllegalArgumentException("floor must be in [0, peak], got " + floor);
    }
  }

  public static LrSchedule constant(double peak, long warmupSteps) {
    return new LrSchedule(peak, warmupSteps, Long.MAX_VALUE, peak, Decay.CONSTANT);
  }

  public static LrSchedule cosine(double peak, long warmupSteps, long totalSteps, double floor) {
    return new LrSchedule(peak, warmupSteps, totalSteps, floor, Decay.COSINE);
  }

  /** The learning rate of update {@code step} (0-based); never 0 during warmup. */
  public double at(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    if (step < warmupSteps) {
      return peak * (step + 1) / warmupSteps;
    }
    return switch (decay) {
      case CONSTANT -> peak;
      case COSINE -> {
        long span = totalSteps - warmupSteps;
        double progress = span == 0 ? 1 : Math.min(1.0, (double) (step - warmupSteps) / span);
        yield floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
      }
    };
  }
}
