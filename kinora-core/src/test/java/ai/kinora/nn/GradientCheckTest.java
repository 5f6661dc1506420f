package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Autograd against central finite differences in fp64, for the composed layers whose backward pass
 * Kinora relies on: causal Conv3d (padding by replication) and GroupNorm.
 */
class GradientCheckTest {

  static final double H = 1e-6;
  static final double MAX_RELATIVE_ERROR = 1e-6;

  NDManager base;
  Parameters params;

  @BeforeEach
  void setUp() {
    NnTesting.seed(11);
    base = NDManager.newBaseManager();
    params = new Parameters(base, DataType.FLOAT64);
  }

  @AfterEach
  void tearDown() {
    params.close();
    base.close();
  }

  /** loss = sum(layer(x) * r) for a fixed random r, so every output element matters. */
  static NDArray loss(Layer layer, NDArray x, NDArray r) {
    return layer.forward(x).mul(r).sum();
  }

  /** Checks d loss / d tensor at every element of {@code tensor} (small tensors only). */
  static void checkElements(
      String what, NDArray tensor, NDArray analytic, DoubleSupplier lossValue) {
    double[] values = tensor.toDoubleArray();
    double[] grad = analytic.toDoubleArray();
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      double original = values[i];
      values[i] = original + H;
      tensor.set(values);
      double up = lossValue.getAsDouble();
      values[i] = original - H;
      tensor.set(values);
      double down = lossValue.getAsDouble();
      values[i] = original;
      tensor.set(values);
      double numeric = (up - down) / (2 * H);
      double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i]));
      worst = Math.max(worst, Math.abs(numeric - grad[i]) / scale);
    }
    assertTrue(worst < MAX_RELATIVE_ERROR, what + ": worst relative error " + worst);
  }

  /** Gradients of the input and of every parameter, from one backward pass of the step. */
  void checkLayer(Layer layer, Shape input) {
    try (Step step = Step.open(params)) {
      NDManager m = step.manager();
      NDArray x = m.randomNormal(input).toType(DataType.FLOAT64, false);
      Shape output = layer.forward(x).getShape();
      NDArray r = m.randomNormal(output).toType(DataType.FLOAT64, false);
      x.setRequiresGradient(true);
      Gradients g = step.backward(() -> loss(layer, x, r));
      NDArray inputGradient = x.getGradient();
      DoubleSupplier value = () -> loss(layer, x, r).getDouble();
      checkElements("input", x, inputGradient, value);
      for (String name : params.trainableNames()) {
        checkElements(name, params.get(name), g.get(name), value);
      }
    }
  }

  @Test
  void causalConv3dGradientsMatchFiniteDifferences() {
    CausalConv3d conv =
        new CausalConv3d(
            params.root().child("conv"), CausalConv3d.Config.cube(2, 2, 3).withStride(2, 1));
    checkLayer(conv, new Shape(1, 2, 3, 3, 3));
  }

  @Test
  void groupNormGradientsMatchFiniteDifferences() {
    GroupNorm norm = new GroupNorm(params.root().child("gn"), 2, 4, 1e-5);
    params.get("gn.weight").set(new double[] {0.5, -1, 2, 1.5});
    checkLayer(norm, new Shape(1, 4, 2, 2, 2));
  }
}
