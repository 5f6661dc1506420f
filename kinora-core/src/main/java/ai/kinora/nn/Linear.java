package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A fully connected layer y = x W^T + b, with PyTorch's weight layout (out, in) so that pretrained
 * safetensors load unchanged.
 */
public final class Linear implements Layer {

  private final int in;
  private final int out;
  private final NDArray weight; // (out, in)
  private final NDArray bias; // (out), or null

  /** PyTorch's default initialisation: weight and bias U(-1/sqrt(in), 1/sqrt(in)). */
  public Linear(Namespace ns, int in, int out, boolean bias) {
    this(ns, in, out, bias, Init.fanInUniform(in), Init.fanInUniform(in));
  }

  public Linear(Namespace ns, int in, int out, boolean bias, Init weightInit, Init biasInit) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("linear sizes must be positive, got " + in + "->" + out);
    }
    this.in = in;
    this.out = out;
    this.weight = ns.create("weight", new Shape(out, in), weightInit);
    this.bias = bias ? ns.create("bias", new Shape(out), biasInit) : null;
  }

  /** (..., in) to (..., out). */
  @Override
  public NDArray forward(NDArray x) {
    if (x.getShape().dimension() == 0 || x.getShape().getLastDimension() != in) {
      throw new IllegalArgumentException(
          "linear " + in + "->" + out + " needs (..., " + in + "), got " + x.getShape());
    }
    if (Precision.current() == Precision.BF16) {
      return bias == null
          ? Bf16Products.linear(x, weight) // (..., out)
          : Bf16Products.linear(x, weight, bias); // (..., out)
    }
    if (bias == null) {
      return x.matMul(weight.transpose()); // (..., out)
    }
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow(); // (..., out)
  }

  public NDArray weight() {
    return weight;
  }

  /** The bias, or null for a layer built without one. */
  public NDArray bias() {
    return bias;
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }
}
