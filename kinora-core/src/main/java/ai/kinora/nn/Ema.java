package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * An exponential moving average of the trainable parameters, e = d * e + (1 - d) * p after every
 * update, with a warmed-up decay d = min(decay, (1 + n) / (10 + n)) at the n-th update (n from 0),
 * so the average forgets the random initialisation within the first few hundred updates instead of
 * carrying e^-2 of it after 2/(1 - decay) steps; diffusion models sample from these smoothed
 * weights. The copies live in the same store as "ema.&lt;name&gt;", so they are checkpointed with
 * the model.
 */
public final class Ema {

  private final Parameters parameters;
  private final double decay;
  private final List<String> names;

  /** Starts the average at the parameters' current values. */
  public Ema(Parameters parameters, double decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
    }
    this.parameters = parameters;
    this.decay = decay;
    this.names = parameters.trainableNames();
    for (String name : names) {
      NDArray p = parameters.get(name);
      NDArray e = parameters.createState("ema." + name, p.getShape(), p.getDataType(), Init.ZEROS);
      InPlace.copy(p, e);
    }
  }

  /**
   * Moves the average towards the current parameters after update number {@code n} (counting from
   * 0, so a resumed run continues the same decays); must run inside an open step.
   */
  public void update(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("update number must be >= 0, got " + n);
    }
    double d = decayAt(n);
    if (!parameters.inStep()) {
      throw new IllegalStateException("Ema.update must run inside an open Step");
    }
    List<NDArray> averages = new ArrayList<>(names.size());
    List<NDArray> current = new ArrayList<>(names.size());
    for (String name : names) {
      averages.add(parameters.get("ema." + name));
      current.add(parameters.get(name));
    }
    Foreach.lerp(averages, current, 1 - d); // e += (1 - d)(p - e) = d e + (1 - d) p
  }

  /** The average of parameter {@code name}. */
  public NDArray get(String name) {
    return parameters.get("ema." + name);
  }

  /**
   * Saves the averaged weights under the parameters' own names, so the file loads as a model for
   * inference. Atomic, like {@link Parameters#save}.
   */
  public void saveWeights(Path file) throws IOException {
    SequencedMap<String, NDArray> weights = new LinkedHashMap<>();
    for (String name : names) {
      weights.put(name, get(name));
    }
    SafeTensors.write(file, weights, false);
  }

  /** Overwrites the live parameters with the average (e.g. before a final evaluation). */
  public void copyToParameters() {
    for (String name : names) {
      InPlace.copy(get(name), parameters.get(name));
    }
  }

  /** The decay used after update number {@code n}: min(decay, (1 + n) / (10 + n)). */
  public double decayAt(long n) {
    return Math.min(decay, (1.0 + n) / (10.0 + n));
  }

  public double decay() {
    return decay;
  }
}
