package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/**
 * The transformer's position-wise feed-forward network: linear, GELU, linear (exact GELU: one fused
 * kernel, where the tanh form takes eight passes).
 */
public final class Mlp implements Layer {

  private final Linear fc1;
  private final Linear fc2;

  public Mlp(Namespace ns, int dim, int hidden) {
    this.fc1 = new Linear(ns.child("fc1"), dim, hidden, true);
    this.fc2 = new Linear(ns.child("fc2"), hidden, dim, true);
  }

  /** (..., D) to (..., D). */
  @Override
  public NDArray forward(NDArray x) {
    return fc2.forward(Activations.gelu(fc1.forward(x))); // (..., D)
  }

  public Linear fc1() {
    return fc1;
  }

  public Linear fc2() {
    return fc2;
  }
}
