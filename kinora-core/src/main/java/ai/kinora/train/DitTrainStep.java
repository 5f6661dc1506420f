package ai.kinora.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.DiffusionTransformer;
import ai.kinora.flow.LogitNormal;
import ai.kinora.flow.Noise;
import ai.kinora.flow.RectifiedFlow;
import ai.kinora.flow.TimeShift;
import ai.kinora.nn.Gradients;
import ai.kinora.nn.Step;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One rectified-flow training step of the DiT and its text encoder together: per sample a
 * logit-normal time (shifted for the token count, as sampling is), noise, and the frame mask's
 * clean tokens kept clean (timestep 0); captions dropped to the empty prompt now and then so that
 * classifier-free guidance has an unconditional model; the velocity loss over the free tokens
 * (optionally weighted towards foreground objects), backpropagated through both models.
 */
public final class DitTrainStep {

  /**
   * Timestep distribution, its shift, the probability of training on the empty prompt, and the
   * extra loss weight of foreground tokens ({@link ForegroundWeights}; 0 = plain MSE).
   */
  public record Config(
      LogitNormal timesteps, TimeShift shift, double captionDropout, double foregroundWeight) {
    public Config {
      if (timesteps == null || shift == null) {
        throw new IllegalArgumentException("training needs a timestep distribution and shift");
      }
      if (!(captionDropout >= 0 && captionDropout < 1)) {
        throw new IllegalArgumentException(
            "caption dropout must be in [0, 1), got " + captionDropout);
      }
      if (!(foregroundWeight >= 0)) {
        throw new IllegalArgumentException(
            "the foreground weight must be >= 0, got " + foregroundWeight);
      }
    }

    /** Timesteps, shift and caption dropout with the plain MSE. */
    public Config(LogitNormal timesteps, TimeShift shift, double captionDropout) {
      this(timesteps, shift, captionDropout, 0);
    }

    /** SD3's timesteps with Flux's shift; 10% empty captions, as common for guidance. */
    public static final Config DEFAULT = new Config(LogitNormal.STANDARD, TimeShift.FLUX, 0.1);
  }

  private final DiffusionTransformer model;
  private final TextEncoder text;
  private final Config config;

  public DitTrainStep(DiffusionTransformer model, TextEncoder text, Config config) {
    this.model = model;
    this.text = text;
    this.config = config;
  }

  /**
   * The loss and gradients for clean latents (B, C, T, H, W) in the step's manager, their captions
   * and per-sample frame masks (B, T) (true = held clean); randomness from {@code rng}.
   */
  public Gradients run(
      Step step,
      NDArray latents,
      List<String> captions,
      boolean[][] frameMasks,
      SplittableRandom rng) {
    Shape shape = latents.getShape();
    int b = (int) shape.get(0);
    if (captions.size() != b || frameMasks.length != b) {
      throw new IllegalArgumentException(
          b
              + " latents need as many captions and masks, got "
              + captions.size()
              + " and "
              + frameMasks.length);
    }
    NDManager m = step.manager();
    Patchifier patch = model.patchifier();
    Patchifier.Grid grid = patch.grid(shape);
    double s = config.shift().factor(grid.tokens());
    float[] times = new float[b];
    List<String> prompts = new ArrayList<>();
    boolean anyHeld = false;
    for (int i = 0; i < b; i++) {
      times[i] = (float) TimeShift.apply(s, config.timesteps().draw(rng));
      prompts.add(rng.nextDouble() < config.captionDropout() ? "" : captions.get(i));
      for (boolean held : frameMasks[i]) {
        anyHeld |= held;
      }
    }
    NDArray x0 = patch.patchify(latents); // (B, N, P)
    NDArray noise = Noise.gaussian(m, x0.getShape(), rng); // (B, N, P)
    NDArray t = m.create(times); // (B)
    NDArray mask = anyHeld ? patch.tokenMask(m, frameMasks, grid) : null; // (B, N)
    NDArray xt = RectifiedFlow.interpolate(x0, noise, t); // (B, N, P)
    if (mask != null) {
      xt = NDArrays.where(mask.expandDims(2).broadcast(xt.getShape()), x0, xt); // held: clean
    }
    NDArray target = RectifiedFlow.velocity(x0, noise); // (B, N, P)
    NDArray coords = patch.coordinates(m, grid); // (N, 3)
    NDArray weights = null; // (B, N): the free-token mask times the foreground weights
    if (config.foregroundWeight() > 0) {
      weights = ForegroundWeights.of(x0, config.foregroundWeight());
      if (mask != null) {
        weights = weights.mul(mask.logicalNot().toType(weights.getDataType(), false));
      }
    }
    NDArray input = xt;
    NDArray tokenWeights = weights;
    return step.backward(
        () -> {
          NDArray v = model.forward(input, coords, t, text.encode(prompts), mask); // (B, N, P)
          return tokenWeights == null
              ? RectifiedFlow.loss(v, target, mask) // ()
              : RectifiedFlow.weightedLoss(v, target, tokenWeights); // ()
        });
  }
}
