package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with bias correction and weight decay decoupled from the
 * gradient, updating raw parameters in place, as PyTorch's {@code torch.optim.AdamW}.
 *
 * <p>Its state lives in the same {@link Parameters} store as the model, as "adam.m.&lt;name&gt;",
 * "adam.v.&lt;name&gt;" and the update count "adam.step", so one checkpoint file resumes training
 * exactly. Weight decay applies to matrices and kernels (2 or more dimensions), not to biases or
 * normalisation scales.
 */
public final class AdamW {

  /** Hyper-parameters; the learning rate comes from the schedule at each update. */
  public record Config(double beta1, double beta2, double eps, double weightDecay) {
    public Config {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("betas must be in [0, 1): " + beta1 + ", " + beta2);
      }
      if (!(eps > 0) || !(weightDecay >= 0)) {
        throw new IllegalArgumentException("eps must be > 0 and weight decay >= 0");
      }
    }

    /** PyTorch's defaults. */
    public static Config defaults() {
      return new Config(0.9, 0.999, 1e-8, 0.01);
    }
  }

  static final String STEP = "adam.step";

  private final Parameters parameters;
  private final Config config;
  private final List<String> names;
  private final List<String> decayed; // names of the matrices and kernels
  private final List<String> undecayed; // names of the rest
  private final NDArray step; // () int64, the number of updates done

  /** Registers zeroed moments for every trainable parameter of {@code parameters}. */
  public AdamW(Parameters parameters, Config config) {
    this.parameters = parameters;
    this.config = config;
    this.names = parameters.trainableNames();
    this.decayed = new ArrayList<>();
    this.undecayed = new ArrayList<>();
    for (String name : names) {
      NDArray p = parameters.get(name);
      (decays(p) ? decayed : undecayed).add(name);
      parameters.createState("adam.m." + name, p.getShape(), p.getDataType(), Init.ZEROS);
      parameters.createState("adam.v." + name, p.getShape(), p.getDataType(), Init.ZEROS);
    }
    this.step = parameters.createState(STEP, new Shape(), DataType.INT64, Init.ZEROS);
  }

  /**
   * Applies one update with learning rate {@code lr}; must run inside the step's scope. Runs
   * PyTorch's fused AdamW kernel over all tensors at once (matrices and kernels with weight decay,
   * the rest without); {@link #updateComposed} is the same formula op by op, the reference it is
   * tested against.
   */
  public void update(Gradients gradients, double lr) {
    long t = nextStep();
    for (List<String> group : List.of(decayed, undecayed)) {
      if (group.isEmpty()) {
        continue;
      }
      List<NDArray> p = new ArrayList<>(group.size());
      List<NDArray> g = new ArrayList<>(group.size());
      List<NDArray> m = new ArrayList<>(group.size());
      List<NDArray> v = new ArrayList<>(group.size());
      for (String name : group) {
        p.add(parameters.get(name));
        g.add(gradients.get(name));
        m.add(parameters.get("adam.m." + name));
        v.add(parameters.get("adam.v." + name));
      }
      double decay = group == decayed ? config.weightDecay() : 0;
      Foreach.adamw(p, g, m, v, t, lr, config, decay);
    }
  }

  /** {@link #update}, one tensor and operation at a time. */
  void updateComposed(Gradients gradients, double lr) {
    long t = nextStep();
    double b1 = config.beta1();
    double b2 = config.beta2();
    double correction1 = 1 - Math.pow(b1, t);
    double sqrtCorrection2 = Math.sqrt(1 - Math.pow(b2, t));
    for (String name : names) {
      NDArray p = parameters.get(name);
      NDArray g = gradients.get(name);
      NDArray m = parameters.get("adam.m." + name);
      NDArray v = parameters.get("adam.v." + name);
      if (config.weightDecay() > 0 && decays(p)) {
        p.muli(1 - lr * config.weightDecay()); // decoupled: shrinks p, not the gradient
      }
      m.muli(b1).addi(g.mul(1 - b1));
      v.muli(b2).addi(g.square().muli(1 - b2));
      // p -= lr * (m / c1) / (sqrt(v / c2) + eps), written as PyTorch does.
      NDArray denominator = v.sqrt().divi(sqrtCorrection2).addi(config.eps());
      p.subi(m.div(denominator).muli(lr / correction1));
    }
  }

  /** Counts the update about to be applied and returns its number (from 1). */
  private long nextStep() {
    if (!parameters.inStep()) {
      throw new IllegalStateException("AdamW.update must run inside an open Step");
    }
    step.addi(1);
    return step.getLong();
  }

  /** Weight decay applies to matrices and kernels, not to biases or normalisation scales. */
  private static boolean decays(NDArray p) {
    return p.getShape().dimension() >= 2;
  }

  /** Number of updates applied so far (restored by loading a checkpoint). */
  public long stepCount() {
    return step.getLong();
  }

  public Config config() {
    return config;
  }
}
