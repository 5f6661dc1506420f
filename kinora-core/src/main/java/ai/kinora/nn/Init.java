package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * How a tensor's initial values are drawn. Random draws use the engine's generator, so {@code
 * Engine.setRandomSeed} makes them reproducible; they are drawn in fp32 and then converted.
 */
public sealed interface Init {

  /** Every element equal to {@code value}. */
  record Constant(double value) implements Init {}

  /** Uniform on {@code [-bound, bound)}. */
  record Uniform(double bound) implements Init {
    public Uniform {
      if (!(bound > 0) || Double.isInfinite(bound)) {
        throw new IllegalArgumentException("uniform bound must be positive, got " + bound);
      }
    }
  }

  /** Normal with mean 0 and standard deviation {@code std}. */
  record Normal(double std) implements Init {
    public Normal {
      if (!(std > 0) || Double.isInfinite(std)) {
        throw new IllegalArgumentException("normal std must be positive, got " + std);
      }
    }
  }

  Init ZEROS = new Constant(0);
  Init ONES = new Constant(1);

  /**
   * PyTorch's default for linear and convolution layers (Kaiming-uniform with a = sqrt(5)), which
   * reduces to U(-1/sqrt(fanIn), 1/sqrt(fanIn)); used for weights and biases alike.
   */
  static Init fanInUniform(long fanIn) {
    return new Uniform(1.0 / Math.sqrt(fanIn));
  }

  /** Glorot/Xavier uniform, as DiT initialises its linear layers. */
  static Init xavierUniform(long fanIn, long fanOut) {
    return new Uniform(Math.sqrt(6.0 / (fanIn + fanOut)));
  }

  /** A new array of {@code shape} and {@code type} in {@code manager}. */
  default NDArray create(NDManager manager, Shape shape, DataType type) {
    NDArray values =
        switch (this) {
          case Constant c -> manager.full(shape, (float) c.value(), DataType.FLOAT32);
          case Uniform u ->
              manager.randomUniform((float) -u.bound(), (float) u.bound(), shape, DataType.FLOAT32);
          case Normal n -> manager.randomNormal(0f, (float) n.std(), shape, DataType.FLOAT32);
        };
    if (type == DataType.FLOAT32) {
      return values;
    }
    NDArray converted = values.toType(type, false);
    values.close(); // the fp32 draw would otherwise stay in a long-lived manager
    return converted;
  }

  /** Overwrites {@code target} in place (for re-initialising a layer, e.g. zero-init). */
  default void fill(NDArray target) {
    try (NDManager scratch = target.getManager().newSubManager()) {
      InPlace.copy(create(scratch, target.getShape(), target.getDataType()), target);
    }
  }
}
