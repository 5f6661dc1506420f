package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.kinora.flow.RectifiedFlow;

/**
 * A {@link Conditioning} compiled to tokens: what the loop imposes after every step, and where it
 * starts.
 *
 * @param clean (B, N, P) clean token values, or null
 * @param mask (B, N) boolean, true for tokens held at their clean values (and shown to the model at
 *     timestep 0), or null when none is held
 * @param start the time the run starts from: 1 for pure noise, lower for SDEdit
 * @param source (B, N, P) tokens noised to {@code start} to begin with, or null (when start is 1)
 * @param tie (N) int64: token j takes token tie[j]'s value after every step (loops), or null
 */
public record Plan(NDArray clean, NDArray mask, double start, NDArray source, NDArray tie) {

  public Plan {
    if ((clean == null) != (mask == null)) {
      throw new IllegalArgumentException("clean values and their mask come together");
    }
    if (start < 1 && source == null) {
      throw new IllegalArgumentException("a start below 1 needs a source to noise");
    }
  }

  static Plan none() {
    return new Plan(null, null, 1, null, null);
  }

  /** The state at {@link #start}: the source noised to it, or the noise itself at 1. */
  public NDArray begin(NDArray noise) {
    if (start == 1) {
      return noise;
    }
    NDArray t = noise.getManager().full(new Shape(noise.getShape().get(0)), (float) start); // (B)
    return RectifiedFlow.interpolate(source, noise, t); // (B, N, P)
  }

  /** Held tokens set to their clean values, then tied tokens to their sources' values. */
  public NDArray impose(NDArray x) {
    if (mask != null) {
      x = NDArrays.where(mask.expandDims(2).broadcast(x.getShape()), clean, x); // (B, N, P)
    }
    if (tie != null) {
      x = x.get(new NDIndex(":, {}", tie)); // (B, N, P)
    }
    return x;
  }

  /** Both plans at once; refuses two holds of one token, two edits or two ties. */
  Plan merge(Plan other, Shape tokens) {
    if (source != null && other.source != null) {
      throw new IllegalArgumentException("at most one edit (SDEdit source) per generation");
    }
    if (tie != null && other.tie != null) {
      throw new IllegalArgumentException("at most one loop per generation");
    }
    NDArray mergedClean = clean;
    NDArray mergedMask = mask;
    if (other.mask != null) {
      if (mask == null) {
        mergedClean = other.clean;
        mergedMask = other.mask;
      } else {
        if (mask.logicalAnd(other.mask).any().getBoolean()) {
          throw new IllegalArgumentException("two conditions hold the same latent frame");
        }
        mergedMask = mask.logicalOr(other.mask); // (B, N)
        mergedClean =
            NDArrays.where(other.mask.expandDims(2).broadcast(tokens), other.clean, clean);
      }
    }
    NDArray mergedTie = tie != null ? tie : other.tie;
    NDArray mergedSource = source != null ? source : other.source;
    return new Plan(mergedClean, mergedMask, Math.min(start, other.start), mergedSource, mergedTie);
  }

  /**
   * The plan with each tied token inheriting its source's hold, so that a loop whose first frame is
   * given ends on that clean frame; refuses a tied token that is held itself.
   */
  Plan resolveTie() {
    if (tie == null || mask == null) {
      return this;
    }
    long n = tie.getShape().get(0);
    NDArray moved = tie.neq(tie.getManager().arange(n)).expandDims(0); // (1, N)
    if (mask.logicalAnd(moved.broadcast(mask.getShape())).any().getBoolean()) {
      throw new IllegalArgumentException("a loop's last frame cannot also be held");
    }
    return new Plan(
        clean.get(new NDIndex(":, {}", tie)), // (B, N, P)
        mask.get(new NDIndex(":, {}", tie)), // (B, N)
        start,
        source,
        tie);
  }
}
