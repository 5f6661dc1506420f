package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Layers against slow, obvious references computed element by element in Java. */
class ReferenceTest extends ParametersFixture {

  @Override
  int seed() {
    return 3;
  }

  @Test
  void groupNormMatchesAPerFrameReference() {
    int b = 2, c = 4, t = 3, h = 2, w = 3, groups = 2;
    GroupNorm norm = new GroupNorm(ns.child("gn"), groups, c, 1e-5);
    // non-trivial scale and shift, so the affine part is checked too
    params.get("gn.weight").set(new float[] {0.5f, -1f, 2f, 1.5f});
    params.get("gn.bias").set(new float[] {0.1f, 0.2f, -0.3f, 0f});
    try (Step step = Step.open(params)) {
      NDArray x =
          step.manager().randomNormal(0, 2, new Shape(b, c, t, h, w), DataType.FLOAT32).add(1);
      double[] in = NnTesting.values(x);
      double[] out = NnTesting.values(norm.forward(x));
      double[] gamma = {0.5, -1, 2, 1.5};
      double[] beta = {0.1, 0.2, -0.3, 0};
      int perGroup = c / groups;
      double[] expected = new double[in.length];
      for (int bi = 0; bi < b; bi++) {
        for (int g = 0; g < groups; g++) {
          for (int ti = 0; ti < t; ti++) {
            double sum = 0;
            int n = 0;
            for (int ci = g * perGroup; ci < (g + 1) * perGroup; ci++) {
              for (int p = 0; p < h * w; p++) {
                sum += in[index(bi, ci, ti, p, c, t, h * w)];
                n++;
              }
            }
            double mean = sum / n;
            double sq = 0;
            for (int ci = g * perGroup; ci < (g + 1) * perGroup; ci++) {
              for (int p = 0; p < h * w; p++) {
                double d = in[index(bi, ci, ti, p, c, t, h * w)] - mean;
                sq += d * d;
              }
            }
            double std = Math.sqrt(sq / n + 1e-5);
            for (int ci = g * perGroup; ci < (g + 1) * perGroup; ci++) {
              for (int p = 0; p < h * w; p++) {
                int i = index(bi, ci, ti, p, c, t, h * w);
                expected[i] = (in[i] - mean) / std * gamma[ci] + beta[ci];
              }
            }
          }
        }
      }
      NnTesting.assertClose(expected, out, 1e-5, "group norm");
    }
  }

  static int index(int b, int c, int t, int p, int channels, int frames, int pixels) {
    return ((b * channels + c) * frames + t) * pixels + p;
  }

  @Test
  void groupNormOnImagesNormalisesOverGroupChannelsAndPixels() {
    GroupNorm norm = new GroupNorm(ns.child("gn"), 2, 4, 1e-5);
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(new Shape(1, 4, 3, 3)).mul(3).add(2);
      double[] out = NnTesting.values(norm.forward(x));
      for (int g = 0; g < 2; g++) {
        double sum = 0, sq = 0;
        for (int i = g * 18; i < (g + 1) * 18; i++) {
          sum += out[i];
          sq += out[i] * out[i];
        }
        assertEquals(0, sum / 18, 1e-5, "group " + g + " mean");
        assertEquals(1, sq / 18, 1e-3, "group " + g + " variance");
      }
    }
  }

  @Test
  void linearMatchesAManualMatmul() {
    Linear linear = new Linear(ns.child("fc"), 3, 2, true);
    Linear noBias = new Linear(ns.child("nb"), 3, 2, false);
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(new Shape(4, 3));
      double[] in = NnTesting.values(x);
      double[] w = NnTesting.values(linear.weight()); // (2, 3)
      double[] bias = NnTesting.values(linear.bias());
      double[] expected = new double[8];
      for (int r = 0; r < 4; r++) {
        for (int o = 0; o < 2; o++) {
          double s = bias[o];
          for (int i = 0; i < 3; i++) {
            s += in[r * 3 + i] * w[o * 3 + i];
          }
          expected[r * 2 + o] = s;
        }
      }
      NnTesting.assertClose(expected, NnTesting.values(linear.forward(x)), 1e-5, "linear");
      double[] w2 = NnTesting.values(noBias.weight());
      double[] y2 = NnTesting.values(noBias.forward(x));
      assertEquals(in[0] * w2[0] + in[1] * w2[1] + in[2] * w2[2], y2[0], 1e-5);
    }
  }

  @Test
  void layerAndRmsNormMatchTheirDefinitions() {
    LayerNorm affine = new LayerNorm(ns.child("ln"), 4, 1e-5, true);
    LayerNorm plain = new LayerNorm(ns.child("ln0"), 4, 1e-5, false);
    RmsNorm rms = new RmsNorm(ns.child("rms"), 4, 1e-5);
    params.get("ln.weight").set(new float[] {1, 2, 3, 4});
    params.get("ln.bias").set(new float[] {0, 1, 0, -1});
    params.get("rms.weight").set(new float[] {2, 1, 1, 0.5f});
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().create(new float[] {1, 2, 3, 6, -1, 0, 0, 5}, new Shape(2, 4));
      double[] in = NnTesting.values(x);
      double[] e1 = new double[8], e2 = new double[8], e3 = new double[8];
      for (int r = 0; r < 2; r++) {
        double mean = 0, sq = 0, ms = 0;
        for (int i = 0; i < 4; i++) {
          mean += in[r * 4 + i] / 4;
          ms += in[r * 4 + i] * in[r * 4 + i] / 4;
        }
        for (int i = 0; i < 4; i++) {
          sq += Math.pow(in[r * 4 + i] - mean, 2) / 4;
        }
        for (int i = 0; i < 4; i++) {
          double n = (in[r * 4 + i] - mean) / Math.sqrt(sq + 1e-5);
          e1[r * 4 + i] = n * (i + 1) + new double[] {0, 1, 0, -1}[i];
          e2[r * 4 + i] = n;
          e3[r * 4 + i] = in[r * 4 + i] / Math.sqrt(ms + 1e-5) * new double[] {2, 1, 1, 0.5}[i];
        }
      }
      NnTesting.assertClose(e1, NnTesting.values(affine.forward(x)), 1e-5, "layer norm");
      NnTesting.assertClose(e2, NnTesting.values(plain.forward(x)), 1e-5, "plain layer norm");
      NnTesting.assertClose(e3, NnTesting.values(rms.forward(x)), 1e-5, "RMS norm");
    }
  }

  @Test
  void activationsMatchTheirDefinitions() {
    try (Step step = Step.open(params)) {
      double[] in = {-3, -0.5, 0, 0.7, 2.5};
      NDArray x = step.manager().create(in).toType(DataType.FLOAT32, false);
      double[] silu = NnTesting.values(Activations.silu(x));
      double[] gelu = NnTesting.values(Activations.gelu(x));
      double[] tanh = NnTesting.values(Activations.geluTanh(x));
      for (int i = 0; i < in.length; i++) {
        double v = in[i];
        assertEquals(v / (1 + Math.exp(-v)), silu[i], 1e-6);
        double approx =
            0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
        assertEquals(approx, tanh[i], 1e-6);
        assertEquals(approx, gelu[i], 2e-3); // exact and tanh GELU agree to ~1e-3
      }
    }
  }

  @Test
  void attentionWithOneTokenReturnsTheProjectedValue() {
    // softmax over one key is 1, so the output is proj(v) exactly: checks the head plumbing.
    Attention attention = new Attention(ns.child("attn"), 4, 2);
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(new Shape(1, 1, 4));
      NDArray qkv =
          x.getNDArrayInternal()
              .linear(x, params.get("attn.qkv.weight"), params.get("attn.qkv.bias"))
              .singletonOrThrow();
      NDArray v = qkv.get(":, :, 8:12");
      NDArray expected =
          v.getNDArrayInternal()
              .linear(v, params.get("attn.proj.weight"), params.get("attn.proj.bias"))
              .singletonOrThrow();
      assertEquals(0, NnTesting.maxAbsDifference(expected, attention.forward(x)), 1e-6);
    }
  }

  @Test
  void scaledDotProductMatchesAReference() {
    try (Step step = Step.open(params)) {
      NDManager m = step.manager();
      NDArray q = m.randomNormal(new Shape(1, 2, 3));
      NDArray k = m.randomNormal(new Shape(1, 4, 3));
      NDArray v = m.randomNormal(new Shape(1, 4, 2));
      double[] qa = NnTesting.values(q), ka = NnTesting.values(k), va = NnTesting.values(v);
      double[] expected = new double[4];
      for (int i = 0; i < 2; i++) {
        double[] s = new double[4];
        double max = Double.NEGATIVE_INFINITY, z = 0;
        for (int j = 0; j < 4; j++) {
          for (int d = 0; d < 3; d++) {
            s[j] += qa[i * 3 + d] * ka[j * 3 + d] / Math.sqrt(3);
          }
          max = Math.max(max, s[j]);
        }
        for (int j = 0; j < 4; j++) {
          s[j] = Math.exp(s[j] - max);
          z += s[j];
        }
        for (int j = 0; j < 4; j++) {
          for (int d = 0; d < 2; d++) {
            expected[i * 2 + d] += s[j] / z * va[j * 2 + d];
          }
        }
      }
      NnTesting.assertClose(
          expected, NnTesting.values(Attention.scaledDotProduct(q, k, v)), 1e-5, "attention");
    }
  }
}
