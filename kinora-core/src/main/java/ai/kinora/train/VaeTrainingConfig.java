package ai.kinora.train;

import ai.kinora.nn.CheckpointException;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VaeConfigJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a VAE is trained: the model, the batches (square crops of {@code crop} pixels, clips of
 * {@code clipFrames} frames or, with probability {@code imageFraction}, single images), the
 * optimiser (AdamW with linear warmup and a cosine decay to {@code finalLrFraction} of the peak,
 * gradient clipping, an EMA of the weights), the loss (mean squared error plus {@code klWeight}
 * times the per-element KL, the squared errors of moving pixels weighted 1 + {@code motionWeight}:
 * {@link MotionWeights}) and the checkpoint interval. Crops train at a fraction of the cost of
 * whole frames; convolutions are translation-equivariant, so the model then runs at any size.
 */
public record VaeTrainingConfig(
    VaeConfig model,
    long steps,
    int batch,
    int crop,
    int clipFrames,
    double imageFraction,
    double peakLr,
    long warmupSteps,
    double finalLrFraction,
    double weightDecay,
    double emaDecay,
    double klWeight,
    double gradClip,
    long seed,
    long checkpointEvery,
    Init init,
    double motionWeight) {

  /**
   * Where a run starts when not from random weights: the VAE folder {@code from}, and whether its
   * encoder (and with it the latent space and its normalisation) stays frozen, so only the decoder
   * learns: how a shipped VAE's decoder is fine-tuned without changing the latents a diffusion
   * transformer was trained on.
   */
  public record Init(String from, boolean freezeEncoder) {
    public Init {
      if (from == null || from.isBlank()) {
        throw new IllegalArgumentException("an initial VAE folder is needed");
      }
    }
  }

  public VaeTrainingConfig {
    if (steps < 1 || batch < 1) {
      throw new IllegalArgumentException("steps and batch must be positive");
    }
    if (crop < 8 || crop % VaeConfig.SPATIAL_FACTOR != 0) {
      throw new IllegalArgumentException("crop must be a multiple of 8 pixels, got " + crop);
    }
    VaeConfig.latentFrames(clipFrames); // 1 + 4k, with a clear message otherwise
    if (!(imageFraction >= 0 && imageFraction <= 1)) {
      throw new IllegalArgumentException("image fraction must be in [0, 1], got " + imageFraction);
    }
    if (warmupSteps > steps) {
      throw new IllegalArgumentException(
          "warmup (" + warmupSteps + " steps) must not exceed the run (" + steps + " steps)");
    }
    if (!(peakLr > 0) || warmupSteps < 0 || !(finalLrFraction >= 0 && finalLrFraction <= 1)) {
      throw new IllegalArgumentException("need lr > 0, warmup >= 0, final lr fraction in [0, 1]");
    }
    if (!(emaDecay >= 0 && emaDecay < 1) || !(klWeight >= 0) || !(gradClip > 0)) {
      throw new IllegalArgumentException("need EMA decay in [0, 1), KL weight >= 0, clip > 0");
    }
    if (!(motionWeight >= 0 && motionWeight <= 100)) {
      throw new IllegalArgumentException("motion weight must be in [0, 100], got " + motionWeight);
    }
    if (!(weightDecay >= 0) || checkpointEvery < 1) {
      throw new IllegalArgumentException("need weight decay >= 0 and checkpointEvery >= 1");
    }
  }

  /**
   * Seconds-fast training for tests: the tiny model on 32x32 crops of 5 frames (warmup: 10 steps,
   * or half the run if shorter).
   */
  public static VaeTrainingConfig tiny(long steps) {
    return new VaeTrainingConfig(
        VaeConfig.TINY,
        steps,
        2,
        32,
        5,
        0.2,
        3e-3,
        Math.min(10, steps / 2),
        0.1,
        0.0,
        0.9,
        1e-6,
        1.0,
        1,
        50,
        null,
        0);
  }

  /**
   * The default model's recipe; {@code steps} sets the length of the run (warmup: 200 steps, or
   * half the run if shorter).
   */
  public static VaeTrainingConfig defaults(long steps) {
    return new VaeTrainingConfig(
        VaeConfig.DEFAULT,
        steps,
        4,
        64,
        9,
        0.3,
        1e-3,
        Math.min(200, steps / 2),
        0.05,
        0.01,
        0.999,
        1e-6,
        1.0,
        0,
        1000,
        null,
        0);
  }

  public VaeTrainingConfig withSteps(long s) {
    return new VaeTrainingConfig(
        model,
        s,
        batch,
        crop,
        clipFrames,
        imageFraction,
        peakLr,
        warmupSteps,
        finalLrFraction,
        weightDecay,
        emaDecay,
        klWeight,
        gradClip,
        seed,
        checkpointEvery,
        init,
        motionWeight);
  }

  /** The same recipe with the moving pixels' errors weighted 1 + {@code alpha}. */
  public VaeTrainingConfig withMotionWeight(double alpha) {
    return new VaeTrainingConfig(
        model,
        steps,
        batch,
        crop,
        clipFrames,
        imageFraction,
        peakLr,
        warmupSteps,
        finalLrFraction,
        weightDecay,
        emaDecay,
        klWeight,
        gradClip,
        seed,
        checkpointEvery,
        init,
        alpha);
  }

  public ObjectNode toJson() {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.set("model", VaeConfigJson.toNode(model));
    n.put("steps", steps);
    n.put("batch", batch);
    n.put("crop", crop);
    n.put("clip_frames", clipFrames);
    n.put("image_fraction", imageFraction);
    n.put("peak_lr", peakLr);
    n.put("warmup_steps", warmupSteps);
    n.put("final_lr_fraction", finalLrFraction);
    n.put("weight_decay", weightDecay);
    n.put("ema_decay", emaDecay);
    n.put("kl_weight", klWeight);
    n.put("grad_clip", gradClip);
    n.put("seed", seed);
    n.put("checkpoint_every", checkpointEvery);
    n.put("motion_weight", motionWeight);
    if (init != null) {
      ObjectNode i = n.putObject("init");
      i.put("from", init.from());
      i.put("freeze_encoder", init.freezeEncoder());
    }
    return n;
  }

  public static VaeTrainingConfig fromJson(JsonNode n, String where) throws CheckpointException {
    try {
      return new VaeTrainingConfig(
          VaeConfigJson.fromNode(n.get("model"), where + " \"model\""),
          field(n, "steps", where).asLong(),
          field(n, "batch", where).asInt(),
          field(n, "crop", where).asInt(),
          field(n, "clip_frames", where).asInt(),
          field(n, "image_fraction", where).asDouble(),
          field(n, "peak_lr", where).asDouble(),
          field(n, "warmup_steps", where).asLong(),
          field(n, "final_lr_fraction", where).asDouble(),
          field(n, "weight_decay", where).asDouble(),
          field(n, "ema_decay", where).asDouble(),
          field(n, "kl_weight", where).asDouble(),
          field(n, "grad_clip", where).asDouble(),
          field(n, "seed", where).asLong(),
          field(n, "checkpoint_every", where).asLong(),
          n.has("init")
              ? new Init(
                  n.path("init").path("from").asText(""),
                  n.path("init").path("freeze_encoder").asBoolean(false))
              : null,
          n.path("motion_weight").asDouble(0)); // absent in runs recorded before it: plain MSE
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid training config: " + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode n, String name, String where) throws CheckpointException {
    JsonNode v = n == null ? null : n.get(name);
    if (v == null || !v.isNumber()) {
      throw new CheckpointException(where + ": missing number \"" + name + "\"");
    }
    return v;
  }
}
