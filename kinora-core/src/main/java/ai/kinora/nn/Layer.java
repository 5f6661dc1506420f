package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/** A layer with one input and one output; its parameters live in a {@link Parameters} store. */
@FunctionalInterface
public interface Layer {

  NDArray forward(NDArray x);
}
