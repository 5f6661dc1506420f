package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/** Element-wise activations that DJL's NDArray lacks or names differently. */
public final class Activations {

  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  private Activations() {}

  /** SiLU (swish): x * sigmoid(x), the activation of diffusion U-Nets and video VAEs. */
  public static NDArray silu(NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }

  /** Exact GELU: x * Phi(x). */
  public static NDArray gelu(NDArray x) {
    return x.getNDArrayInternal().gelu();
  }

  /** GELU with the tanh approximation, as DiT's MLP uses. */
  public static NDArray geluTanh(NDArray x) {
    // No in-place operations: tanh's backward reads its own output.
    NDArray inner = x.pow(3).mul(0.044715).add(x).mul(SQRT_2_OVER_PI);
    return inner.tanh().add(1).mul(x).mul(0.5);
  }
}
