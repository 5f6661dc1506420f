package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A position in the parameter naming hierarchy: {@code root().child("encoder").child("down")
 * .child(0)} names its tensors "encoder.down.0.&lt;leaf&gt;". Layers take one and register their
 * tensors below it.
 */
public record Namespace(Parameters parameters, String prefix) {

  public Namespace {
    if (!prefix.isEmpty() && !Parameters.NAME.matcher(prefix).matches()) {
      throw new IllegalArgumentException("bad namespace \"" + prefix + "\"");
    }
  }

  public Namespace child(String segment) {
    return new Namespace(parameters, name(segment));
  }

  public Namespace child(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("namespace index must be >= 0, got " + index);
    }
    return child(Integer.toString(index));
  }

  /** The full name of a tensor called {@code leaf} here. */
  public String name(String leaf) {
    return prefix.isEmpty() ? leaf : prefix + "." + leaf;
  }

  /** Registers a trainable tensor called {@code leaf} here. */
  public NDArray create(String leaf, Shape shape, Init init) {
    return parameters.create(name(leaf), shape, init);
  }

  public DataType dataType() {
    return parameters.dataType();
  }
}
