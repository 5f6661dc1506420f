package ai.kinora.flow;

/**
 * The timesteps of a sampling run, as a pure function: {@code steps} uniform steps from {@code
 * start} down to 0, each shifted by {@link TimeShift} for the number of tokens (Flux's
 * get_schedule). A run from pure noise starts at 1; SDEdit starts lower.
 */
public record Schedule(int steps, TimeShift shift) {

  public Schedule {
    if (steps < 1) {
      throw new IllegalArgumentException("a schedule needs at least one step, got " + steps);
    }
    if (shift == null) {
      throw new IllegalArgumentException("a schedule needs a time shift (TimeShift.NONE for none)");
    }
  }

  /** {@code steps} steps with Flux's shift. */
  public static Schedule of(int steps) {
    return new Schedule(steps, TimeShift.FLUX);
  }

  /** {@code steps} steps with the shift generation uses ({@link TimeShift#SAMPLING}). */
  public static Schedule sampling(int steps) {
    return new Schedule(steps, TimeShift.SAMPLING);
  }

  /** The times from 1 to 0 for {@code tokens} tokens: steps + 1 values, decreasing. */
  public double[] timesteps(int tokens) {
    return timesteps(tokens, 1);
  }

  /**
   * The times from {@code start} to 0: t_i = start * shift(1 - i / steps). A start of 0 gives the
   * single time 0 (nothing to do); otherwise steps + 1 values, strictly decreasing.
   */
  public double[] timesteps(int tokens, double start) {
    if (!(start >= 0 && start <= 1)) {
      throw new IllegalArgumentException("start time must be in [0, 1], got " + start);
    }
    if (start == 0) {
      return new double[] {0};
    }
    double s = shift.factor(tokens);
    double[] t = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      t[i] = start * TimeShift.apply(s, 1 - (double) i / steps);
    }
    t[steps] = 0; // exactly, whatever the rounding
    return t;
  }
}
