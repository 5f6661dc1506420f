package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Root-mean-square normalisation over the last dimension (Zhang and Sennrich 2019) with a learned
 * scale; used on queries and keys to keep attention logits bounded.
 */
public final class RmsNorm implements Layer {

  private final int dim;
  private final float eps;
  private final NDArray weight; // (dim)

  public RmsNorm(Namespace ns, int dim, double eps) {
    if (dim <= 0 || !(eps > 0)) {
      throw new IllegalArgumentException("RMS norm needs dim > 0 and eps > 0");
    }
    this.dim = dim;
    this.eps = (float) eps;
    this.weight = ns.create("weight", new Shape(dim), Init.ONES);
  }

  /** (..., dim) to (..., dim). */
  @Override
  public NDArray forward(NDArray x) {
    if (x.getShape().dimension() == 0 || x.getShape().getLastDimension() != dim) {
      throw new IllegalArgumentException(
          "RMS norm over " + dim + " needs (..., " + dim + "), got " + x.getShape());
    }
    int last = x.getShape().dimension() - 1;
    NDArray meanSquare = x.square().mean(new int[] {last}, true); // (..., 1)
    return x.div(meanSquare.add(eps).sqrt()).mul(weight); // (..., dim)
  }
}
