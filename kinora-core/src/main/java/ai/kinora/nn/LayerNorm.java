package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Layer normalisation over the last dimension (Ba et al. 2016), optionally without the learned
 * scale and shift, as DiT's adaLN blocks use it.
 */
public final class LayerNorm implements Layer {

  private final int dim;
  private final float eps;
  private final NDArray weight; // (dim), or null
  private final NDArray bias; // (dim), or null

  /** {@code affine}: learn a scale (init 1) and shift (init 0). */
  public LayerNorm(Namespace ns, int dim, double eps, boolean affine) {
    if (dim <= 0 || !(eps > 0)) {
      throw new IllegalArgumentException("layer norm needs dim > 0 and eps > 0");
    }
    this.dim = dim;
    this.eps = (float) eps;
    this.weight = affine ? ns.create("weight", new Shape(dim), Init.ONES) : null;
    this.bias = affine ? ns.create("bias", new Shape(dim), Init.ZEROS) : null;
  }

  /** (..., dim) to (..., dim). */
  @Override
  public NDArray forward(NDArray x) {
    if (x.getShape().dimension() == 0 || x.getShape().getLastDimension() != dim) {
      throw new IllegalArgumentException(
          "layer norm over " + dim + " needs (..., " + dim + "), got " + x.getShape());
    }
    // The fused kernel is exact and saves the temporaries of the composed form; without learned
    // scale and shift it gets constant ones and zeros, made in the input's manager.
    NDArray scale = weight != null ? weight : x.getManager().ones(new Shape(dim), x.getDataType());
    NDArray shift = bias != null ? bias : x.getManager().zeros(new Shape(dim), x.getDataType());
    return x.getNDArrayInternal()
        .layerNorm(x, new Shape(dim), scale, shift, eps)
        .singletonOrThrow(); // (..., dim)
  }
}
