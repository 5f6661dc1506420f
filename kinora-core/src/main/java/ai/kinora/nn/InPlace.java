package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Copies values into an existing tensor, so every layer that holds it sees them: loading weights,
 * re-initialising a layer, exporting an average. It assigns through an index rather than DJL's
 * {@code set(Buffer)}, which goes through Java memory and whose native code prints PyTorch's
 * deprecation warning about AutoNonVariableTypeMode on the first call of every process.
 */
public final class InPlace {

  private InPlace() {}

  /** Copies {@code values} (same shape; converted to the target's dtype) into {@code target}. */
  public static void copy(NDArray values, NDArray target) {
    if (!values.getShape().equals(target.getShape())) {
      throw new IllegalArgumentException(
          "cannot copy " + values.getShape() + " into " + target.getShape());
    }
    NDArray source =
        values.getDataType() == target.getDataType()
            ? values.stopGradient()
            : values.stopGradient().toType(target.getDataType(), false);
    // Autograd refuses an in-place copy into a tensor that requires gradients; its flag is
    // restored after.
    boolean trainable = target.hasGradient();
    if (trainable) {
      target.setRequiresGradient(false);
    }
    target.set(new NDIndex("..."), source);
    if (trainable) {
      target.setRequiresGradient(true);
    }
  }
}
