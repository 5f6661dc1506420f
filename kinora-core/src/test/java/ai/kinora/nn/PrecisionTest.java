package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * BF16 products: close to FP32 (bfloat16 keeps 8 bits of mantissa) but not equal to it, so the BF16
 * path really runs; FP32 outputs and gradients that reach the FP32 parameters; the setting and the
 * CPU check.
 */
class PrecisionTest extends ParametersFixture {

  @Override
  int seed() {
    return 43;
  }

  @Test
  void linearInBf16IsCloseToFp32AndTrainsFp32Parameters() {
    Linear layer = new Linear(ns.child("l"), 48, 40, true);
    Linear noBias = new Linear(ns.child("n"), 48, 40, false);
    for (Linear l : new Linear[] {layer, noBias}) {
      try (Step step = Step.open(params)) {
        NDArray x = step.manager().randomNormal(new Shape(2, 7, 48));
        NDArray weights = step.manager().randomNormal(new Shape(2, 7, 40));
        double[] y32;
        double[] g32;
        try (Precision.Scope s = Precision.use(Precision.FP32)) {
          y32 = NnTesting.values(l.forward(x));
          g32 = NnTesting.values(gradientOf(step, l.weight(), () -> l.forward(x).mul(weights)));
        }
        try (Precision.Scope s = Precision.use(Precision.BF16)) {
          NDArray y = l.forward(x);
          assertEquals(DataType.FLOAT32, y.getDataType());
          double[] y16 = NnTesting.values(y);
          assertNearButNotEqual(y32, y16, 0.02, "output");
          NDArray g = gradientOf(step, l.weight(), () -> l.forward(x).mul(weights));
          assertEquals(DataType.FLOAT32, g.getDataType());
          assertNearButNotEqual(g32, NnTesting.values(g), 0.02, "weight gradient");
        }
      }
    }
  }

  @Test
  void stridedConvolutionInBf16IsCloseToFp32AndChunksStillAddUp() {
    CausalConv3d conv = new CausalConv3d(ns.child("c"), new CausalConv3d.Config(6, 8, 3, 3, 2, 2));
    try (Step step = Step.open(params);
        Precision.Scope s = Precision.use(Precision.BF16)) {
      NDArray x = step.manager().randomNormal(new Shape(1, 6, 9, 10, 12));
      double[] y16 = NnTesting.values(conv.forward(x)); // (1, 8, 5, 5, 6)
      double[] y32;
      try (Precision.Scope f = Precision.use(Precision.FP32)) {
        y32 = NnTesting.values(conv.forward(x));
      }
      assertEquals(8 * 5 * 5 * 6, y16.length);
      assertNearButNotEqual(y32, y16, 0.02, "convolution");
      try (CausalCache cache = new CausalCache(step.manager())) {
        NDArray first = conv.forward(x.get(":, :, 0:5"), cache);
        NDArray rest = conv.forward(x.get(":, :, 5:"), cache);
        NnTesting.assertClose(y16, NnTesting.values(first.concat(rest, 2)), 1e-5, "chunked");
      }
      NDArray g = gradientOf(step, conv.weight(), () -> conv.forward(x).square());
      assertEquals(DataType.FLOAT32, g.getDataType());
      assertTrue(NnTesting.values(g.abs().sum())[0] > 0, "the weights get a gradient");
    }
  }

  @Test
  void theSettingNamesItsValuesAndAutoFollowsTheCpu() {
    assertEquals(Precision.FP32, Precision.fromSetting("fp32"));
    assertEquals(Precision.BF16, Precision.fromSetting(" BF16 "));
    assertEquals(
        Precision.cpuHasBf16() ? Precision.BF16 : Precision.FP32, Precision.fromSetting("auto"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Precision.fromSetting("fp16"));
    assertTrue(e.getMessage().contains("fp32, bf16 or auto"), e.getMessage());
    Precision before = Precision.current();
    try (Precision.Scope s = Precision.use(Precision.BF16)) {
      assertEquals(Precision.BF16, Precision.current());
    }
    assertEquals(before, Precision.current());
  }

  @Test
  void bf16IsFoundInTheFlagsLineOnly() {
    String zen4 =
        "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\nbugs\t: x\n";
    String amx = "flags\t\t: fpu avx2 amx_bf16 amx_tile\n";
    String avx2 = "model name\t: avx512_bf16 in a name\nflags\t\t: fpu avx avx2 fma\n";
    assertTrue(Precision.flagsHaveBf16(zen4));
    assertTrue(Precision.flagsHaveBf16(amx));
    assertFalse(Precision.flagsHaveBf16(avx2));
    assertFalse(Precision.flagsHaveBf16(""));
  }

  private static NDArray gradientOf(Step step, NDArray parameter, Supplier<NDArray> output) {
    Gradients g = step.backward(() -> output.get().sum());
    return g.get(parameter.getName());
  }

  /** Within {@code relative} of the largest expected magnitude, and not identical. */
  private static void assertNearButNotEqual(
      double[] expected, double[] actual, double relative, String what) {
    double scale = 0;
    double differs = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      differs = Math.max(differs, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(differs <= relative * scale, what + " differs by " + differs + " of " + scale);
    assertTrue(differs > 1e-6 * scale, what + " is identical: the BF16 path did not run");
  }
}
