package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The learning-rate schedule is a pure function with known values at its landmarks. */
class LrScheduleTest {

  @Test
  void warmupRisesLinearlyFromTheFirstStep() {
    LrSchedule s = LrSchedule.cosine(1e-3, 4, 104, 1e-4);
    assertEquals(0.25e-3, s.at(0), 1e-15);
    assertEquals(0.5e-3, s.at(1), 1e-15);
    assertEquals(1e-3, s.at(3), 1e-15);
  }

  @Test
  void cosineDecaysFromPeakToFloor() {
    LrSchedule s = LrSchedule.cosine(1e-3, 4, 104, 1e-4);
    assertEquals(1e-3, s.at(4), 1e-15);
    assertEquals(0.55e-3, s.at(54), 1e-12); // halfway: the mean of peak and floor
    assertEquals(1e-4, s.at(104), 1e-15);
    assertEquals(1e-4, s.at(10_000), 1e-15);
  }

  @Test
  void constantHoldsThePeakAfterWarmup() {
    LrSchedule s = LrSchedule.constant(2e-4, 0);
    assertEquals(2e-4, s.at(0));
    assertEquals(2e-4, s.at(1_000_000));
  }

  @Test
  void invalidSchedulesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(0, 1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(1, 5, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.cosine(1, 0, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant(1, 0).at(-1));
  }
}
