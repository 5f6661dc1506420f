package ai.kinora.train;

import ai.kinora.dit.DitConfig;
import ai.kinora.dit.DitConfigJson;
import ai.kinora.nn.CheckpointException;
import ai.kinora.text.SmallTextEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * How the text encoder and diffusion transformer are trained: their shapes, the buckets ({@code
 * "default"} or {@code "tiny"}), AdamW with linear warmup and cosine decay to {@code
 * finalLrFraction} of the peak, gradient clipping, the EMA that ships, the caption dropout that
 * trains the unconditional model for guidance, how many updates each rendered and encoded batch
 * serves ({@code echo}), the seed of weights and data, the checkpoint interval, and where the loss
 * is spent ({@link DitObjective}).
 */
public record DitTrainingConfig(
    DitConfig dit,
    SmallTextEncoder.Config text,
    String buckets,
    long steps,
    double peakLr,
    long warmupSteps,
    double finalLrFraction,
    double weightDecay,
    double emaDecay,
    double gradClip,
    double captionDropout,
    int echo,
    long seed,
    long checkpointEvery,
    DitObjective objective) {

  public DitTrainingConfig {
    if (objective == null) {
      throw new IllegalArgumentException("a training config needs an objective");
    }
    if (echo < 1) {
      throw new IllegalArgumentException("echo must be at least 1, got " + echo);
    }
    bucketsNamed(buckets); // validates the name
    if (steps < 1 || warmupSteps < 0 || warmupSteps > steps) {
      throw new IllegalArgumentException(
          "need steps >= 1 and 0 <= warmup <= steps, got " + steps + " and " + warmupSteps);
    }
    if (!(peakLr > 0) || !(finalLrFraction >= 0 && finalLrFraction <= 1)) {
      throw new IllegalArgumentException("need lr > 0 and a final lr fraction in [0, 1]");
    }
    if (!(weightDecay >= 0) || !(emaDecay >= 0 && emaDecay < 1) || !(gradClip > 0)) {
      throw new IllegalArgumentException("need weight decay >= 0, EMA decay in [0, 1), clip > 0");
    }
    if (!(captionDropout >= 0 && captionDropout < 1) || checkpointEvery < 1) {
      throw new IllegalArgumentException(
          "need caption dropout in [0, 1) and a checkpoint interval >= 1");
    }
  }

  /** The shipped model's recipe for a run of {@code steps}. */
  public static DitTrainingConfig defaults(long steps) {
    return recipe(DitConfig.DEFAULT, SmallTextEncoder.Config.DEFAULT, steps, 5e-4);
  }

  /**
   * The LARGE DiT and text encoder (92.7 M weights, the default has 7.0 M) with the default recipe
   * at a lower peak learning rate, for machines that can afford it; not trained here.
   */
  public static DitTrainingConfig large(long steps) {
    return recipe(DitConfig.LARGE, SmallTextEncoder.Config.LARGE, steps, 3e-4);
  }

  private static DitTrainingConfig recipe(
      DitConfig dit, SmallTextEncoder.Config text, long steps, double peakLr) {
    return new DitTrainingConfig(
        dit,
        text,
        "default",
        steps,
        peakLr,
        Math.min(500, steps / 2),
        0.1,
        0.01,
        0.999,
        1.0,
        0.1,
        2,
        0,
        1000,
        DitObjective.PLAIN);
  }

  /** Seconds-fast tests: the tiny DiT with 16 latent channels, tiny buckets. */
  public static DitTrainingConfig tiny(long steps, int latentChannels) {
    DitConfig d = DitConfig.TINY;
    return new DitTrainingConfig(
        new DitConfig(
            d.width(),
            d.depth(),
            d.heads(),
            d.mlpRatio(),
            d.patch(),
            latentChannels,
            d.textWidth(),
            d.maxTextLength()),
        SmallTextEncoder.Config.TINY,
        "tiny",
        steps,
        2e-3,
        Math.min(20, steps / 2),
        0.1,
        0,
        0.9,
        1.0,
        0.1,
        2,
        0,
        Math.max(1, steps / 2),
        DitObjective.PLAIN);
  }

  public static DitBuckets bucketsNamed(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "default" -> DitBuckets.DEFAULT;
      case "tiny" -> DitBuckets.TINY;
      default ->
          throw new IllegalArgumentException(
              "unknown bucket set \"" + name + "\"; choose default or tiny");
    };
  }

  public DitBuckets bucketSet() {
    return bucketsNamed(buckets);
  }

  public ObjectNode toJson() {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.set("dit", DitConfigJson.toNode(dit));
    n.set("text", DitConfigJson.toNode(text));
    n.put("buckets", buckets);
    n.put("steps", steps);
    n.put("peak_lr", peakLr);
    n.put("warmup_steps", warmupSteps);
    n.put("final_lr_fraction", finalLrFraction);
    n.put("weight_decay", weightDecay);
    n.put("ema_decay", emaDecay);
    n.put("grad_clip", gradClip);
    n.put("caption_dropout", captionDropout);
    n.put("echo", echo);
    n.put("seed", seed);
    n.put("checkpoint_every", checkpointEvery);
    n.set("objective", objective.toJson());
    return n;
  }

  public static DitTrainingConfig fromJson(JsonNode n, String where) throws CheckpointException {
    if (n == null) {
      throw new CheckpointException(where + ": missing the training config");
    }
    try {
      return new DitTrainingConfig(
          DitConfigJson.fromNode(n.get("dit"), where + " \"dit\""),
          DitConfigJson.textFromNode(n.get("text"), where + " \"text\""),
          n.path("buckets").asText(),
          number(n, "steps", where).asLong(),
          number(n, "peak_lr", where).asDouble(),
          number(n, "warmup_steps", where).asLong(),
          number(n, "final_lr_fraction", where).asDouble(),
          number(n, "weight_decay", where).asDouble(),
          number(n, "ema_decay", where).asDouble(),
          number(n, "grad_clip", where).asDouble(),
          number(n, "caption_dropout", where).asDouble(),
          number(n, "echo", where).asInt(),
          number(n, "seed", where).asLong(),
          number(n, "checkpoint_every", where).asLong(),
          DitObjective.fromJson(n.get("objective")));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid training config: " + e.getMessage(), e);
    }
  }

  /**
   * This recipe with some settings replaced; a null argument keeps the current value. Fewer steps
   * than the warmup shorten the warmup to match.
   */
  public DitTrainingConfig with(Long newSteps, Double newPeakLr, Long newSeed, Long newEvery) {
    long s = newSteps != null ? newSteps : steps;
    return new DitTrainingConfig(
        dit,
        text,
        buckets,
        s,
        newPeakLr != null ? newPeakLr : peakLr,
        Math.min(warmupSteps, s),
        finalLrFraction,
        weightDecay,
        emaDecay,
        gradClip,
        captionDropout,
        echo,
        newSeed != null ? newSeed : seed,
        newEvery != null ? newEvery : checkpointEvery,
        objective);
  }

  /** This recipe for a model of other shapes (a run that starts from an existing model). */
  public DitTrainingConfig withModel(DitConfig newDit, SmallTextEncoder.Config newText) {
    return new DitTrainingConfig(
        newDit,
        newText,
        buckets,
        steps,
        peakLr,
        warmupSteps,
        finalLrFraction,
        weightDecay,
        emaDecay,
        gradClip,
        captionDropout,
        echo,
        seed,
        checkpointEvery,
        objective);
  }

  /** This recipe with another objective. */
  public DitTrainingConfig with(DitObjective newObjective) {
    return new DitTrainingConfig(
        dit,
        text,
        buckets,
        steps,
        peakLr,
        warmupSteps,
        finalLrFraction,
        weightDecay,
        emaDecay,
        gradClip,
        captionDropout,
        echo,
        seed,
        checkpointEvery,
        newObjective);
  }

  private static JsonNode number(JsonNode n, String name, String where) throws CheckpointException {
    JsonNode v = n.get(name);
    if (v == null || !v.isNumber()) {
      throw new CheckpointException(where + ": missing number \"" + name + "\"");
    }
    return v;
  }
}
