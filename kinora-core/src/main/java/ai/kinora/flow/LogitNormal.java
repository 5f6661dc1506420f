package ai.kinora.flow;

import java.util.SplittableRandom;

/**
 * Logit-normal timestep sampling for training (SD3: t = sigmoid(mean + std z), z ~ N(0, 1)), which
 * puts more training at intermediate times, where the velocity is hardest to predict, than a
 * uniform draw. A pure function of the generator.
 */
public record LogitNormal(double mean, double std) {

  public LogitNormal {
    if (!Double.isFinite(mean) || !(std > 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("logit-normal needs finite mean and std > 0");
    }
  }

  /** SD3's choice: mean 0, std 1. */
  public static final LogitNormal STANDARD = new LogitNormal(0, 1);

  /** One time in (0, 1). */
  public double draw(SplittableRandom rng) {
    double z = Noise.gaussian(rng);
    return 1 / (1 + Math.exp(-(mean + std * z)));
  }
}
