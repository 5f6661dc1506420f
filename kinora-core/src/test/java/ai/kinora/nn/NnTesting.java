package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Helpers shared by the nn tests: seeding and element-wise comparison. */
final class NnTesting {

  private NnTesting() {}

  static void seed(int seed) {
    Engine.getInstance().setRandomSeed(seed);
  }

  static double[] values(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + " at element " + i);
    }
  }

  static double maxAbsDifference(NDArray a, NDArray b) {
    double[] x = values(a);
    double[] y = values(b);
    assertEquals(x.length, y.length, "sizes differ");
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] - y[i]));
    }
    return max;
  }
}
