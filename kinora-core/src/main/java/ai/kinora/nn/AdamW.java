package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
  private final NDArray step; // () int64, the number of updates done

  /** Registers zeroed moments for every trainable parameter of {@code parameters}. */
  public AdamW(Parameters parameters, Config config) {
    this.parameters = parameters;
    this.config = config;
    this.names = parameters.trainableNames();
    for (String name : names) {
      NDArray p = parameters.get(name);
      parameters.createState("adam.m." + name, p.getShape(), p.getDataType(), Init.ZEROS);
      parameters.createState("adam.v." + name, p.getShape(), p.getDataType(), Init.ZEROS);
    }
    this.step = parameters.createState(STEP, new Shape(), DataType.INT64, Init.ZEROS);
  }

  /** Applies one update with learning rate {@code lr}; must run inside the step's scope. */
  public void update(Gradients gradients, double lr) {
    if (!parameters.inStep()) {
      throw new IllegalStateException("AdamW.update must run inside an open Step");
    }
    step.addi(1);
    long t = step.getLong();
    double b1 = config.beta1();
    double b2 = config.beta2();
    double correction1 = 1 - Math.pow(b1, t);
    double sqrtCorrection2 = Math.sqrt(1 - Math.pow(b2, t));
    for (String name : names) {
      NDArray p = parameters.get(name);
      NDArray g = gradients.get(name);
      NDArray m = parameters.get("adam.m." + name);
      NDArray v = parameters.get("adam.v." + name);
      if (config.weightDecay() > 0 && p.getShape().dimension() >= 2) {
        p.muli(1 - lr * config.weightDecay()); // decoupled: shrinks p, not the gradient
      }
      m.muli(b1).addi(g.mul(1 - b1));
      v.muli(b2).addi(g.square().muli(1 - b2));
      // p -= lr * (m / c1) / (sqrt(v / c2) + eps), written as PyTorch does.
      NDArray denominator = v.sqrt().divi(sqrtCorrection2).addi(config.eps());
      p.subi(m.div(denominator).muli(lr / correction1));
    }
  }

  /** Number of updates applied so far (restored by loading a checkpoint). */
  public long stepCount() {
    return step.getLong();
  }

  public Config config() {
    return config;
  }
}
