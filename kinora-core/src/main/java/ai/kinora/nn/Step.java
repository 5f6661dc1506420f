package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * One step's memory: a sub-manager of the parameter store that borrows every tensor of the store
 * until it closes, so that every temporary of a forward pass, backward pass or optimizer update
 * (including those an operation attaches to a parameter's manager, and each {@code getGradient()}
 * result) is freed when the step ends, while parameters and optimizer state stay.
 *
 * <pre>{@code
 * try (Step step = Step.open(params)) {
 *   NDArray x = step.manager().create(batch, shape);         // inputs live in the step
 *   Gradients g = step.backward(() -> model.forward(x).square().mean());
 *   adamW.update(g, schedule.at(i));
 * }
 * }</pre>
 *
 * At most one step is open per store at a time (DJL's gradient collector is global, too).
 */
public final class Step implements AutoCloseable {

  private final Parameters parameters;
  private final NDManager manager;

  private Step(Parameters parameters) {
    this.parameters = parameters;
    this.manager = parameters.manager().newSubManager();
  }

  /** Opens a step that borrows every tensor of {@code parameters}. */
  public static Step open(Parameters parameters) {
    Step step = new Step(parameters);
    try {
      parameters.lendTo(step, step.manager);
    } catch (RuntimeException e) {
      step.manager.close();
      throw e;
    }
    return step;
  }

  /** The manager for this step's inputs and temporaries; closed with the step. */
  public NDManager manager() {
    return manager;
  }

  public Parameters parameters() {
    return parameters;
  }

  /**
   * Runs {@code loss} under autograd and returns the gradient of its (scalar) result with respect
   * to every trainable parameter. Gradients from earlier steps are cleared first, because PyTorch
   * accumulates them in place.
   *
   * <p>When the loss is finite but a gradient is not, the pass is run once more: on this CPU about
   * one VAE step in 3,000 gave NaN gradients in its first layers from a finite loss, and the same
   * step recomputed was finite (measured on the tiny VAE overfit run, 30 runs of 250 steps). A
   * second non-finite result is returned as it is; a diverged model gives one every time.
   */
  public Gradients backward(Supplier<NDArray> loss) {
    Gradients g = computeGradients(loss);
    if (Double.isFinite(g.lossValue()) && !g.allFinite()) {
      g = computeGradients(loss);
    }
    return g;
  }

  private Gradients computeGradients(Supplier<NDArray> loss) {
    List<NDArray> stale = new ArrayList<>();
    for (String name : parameters.trainableNames()) {
      stale.add(parameters.get(name).getGradient());
    }
    // Fill with zeros rather than subtract, so that a NaN of an earlier step cannot persist.
    if (!stale.isEmpty()) {
      Foreach.zero(stale);
    }
    NDArray value;
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      value = loss.get();
      if (value.size() != 1) {
        throw new IllegalArgumentException("loss must be a scalar, got shape " + value.getShape());
      }
      collector.backward(value);
    }
    SequencedMap<String, NDArray> gradients = new LinkedHashMap<>();
    for (String name : parameters.trainableNames()) {
      NDArray g = parameters.get(name).getGradient();
      g.attach(manager); // already here while borrowed; explicit so a leak cannot creep back
      gradients.put(name, g);
    }
    return new Gradients(value, gradients);
  }

  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      parameters.returned(this);
    }
  }
}
