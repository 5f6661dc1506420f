package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** A lookup table of learned vectors, one row per id (token embeddings). */
public final class Embedding {

  private final int count;
  private final NDArray table; // (count, dim)

  public Embedding(Namespace ns, int count, int dim, Init init) {
    if (count <= 0 || dim <= 0) {
      throw new IllegalArgumentException("embedding needs count and dim > 0");
    }
    this.count = count;
    this.table = ns.create("weight", new Shape(count, dim), init);
  }

  /** Integer ids (...) in [0, count) to vectors (..., dim). */
  public NDArray forward(NDArray ids) {
    return table.get(new NDIndex("{}", ids)); // (..., dim)
  }

  public int count() {
    return count;
  }

  public NDArray table() {
    return table;
  }
}
