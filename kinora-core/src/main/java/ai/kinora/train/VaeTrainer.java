package ai.kinora.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.kinora.eval.Fidelity;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.AdamW;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.Ema;
import ai.kinora.nn.Gradients;
import ai.kinora.nn.InPlace;
import ai.kinora.nn.LrSchedule;
import ai.kinora.nn.Step;
import ai.kinora.vae.LatentStatistics;
import ai.kinora.vae.Posterior;
import ai.kinora.vae.VideoTensors;
import ai.kinora.vae.VideoVae;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One VAE training run's state and its update step: the model, AdamW with warmup and cosine decay,
 * an EMA of the weights, and the data stream. The loss is the mean squared reconstruction error of
 * a posterior sample plus a small weight times the per-element KL to N(0, I) (the beta-VAE recipe
 * of latent diffusion's autoencoders, without their perceptual and adversarial terms). MSE rather
 * than L1 because it was measured to learn faster here (docs/vae.md) and PSNR is what is asked.
 *
 * <p>Everything random in step s (the batch, the posterior noise) is seeded from (seed, s), and the
 * optimizer and EMA state are checkpointed with the weights, so {@link #resume} continues exactly
 * where {@link #saveCheckpoint} left off.
 */
public final class VaeTrainer implements AutoCloseable {

  public static final String TRAIN_STATE = TrainerRecord.STATE;
  public static final String TRAINER_JSON = TrainerRecord.FILE;
  static final String FORMAT = "kinora-vae-training/1";
  private static final int CALIBRATION_CLIPS = 16;
  private static final long CALIBRATION_SEED = 0xCA11B7A7EL;

  /** What one update did; {@code step} counts updates done, so the first report says 1. */
  public record StepReport(
      long step,
      int frames,
      double loss,
      double mse,
      double kl,
      double psnr,
      double lr,
      double gradNorm,
      double seconds) {}

  private final NDManager parent;
  private final VaeTrainingConfig config;
  private final ClipSource source;
  private final TrainingBatches batches;
  private final VideoVae model;
  private final AdamW adam;
  private final Ema ema;
  private final LrSchedule schedule;
  private double wallSeconds;
  private VideoVae averaged;

  private VaeTrainer(NDManager parent, VaeTrainingConfig config, ClipSource source) {
    this.parent = parent;
    this.config = config;
    this.source = source;
    this.batches = new TrainingBatches(config, source);
    Engine.getInstance().setRandomSeed(engineSeed(config.seed(), -1)); // the initial weights
    this.model = new VideoVae(parent, config.model());
    if (config.init() != null) {
      Path from = Path.of(config.init().from());
      try {
        model.parameters().load(from.resolve(VideoVae.WEIGHTS_FILE));
      } catch (IOException e) {
        model.close();
        throw new IllegalArgumentException("cannot start from " + from + ": " + e.getMessage(), e);
      }
      if (config.init().freezeEncoder()) {
        model.parameters().freeze(name -> name.startsWith("encoder."));
      }
    }
    this.adam =
        new AdamW(model.parameters(), new AdamW.Config(0.9, 0.999, 1e-8, config.weightDecay()));
    this.ema = new Ema(model.parameters(), config.emaDecay());
    this.schedule =
        LrSchedule.cosine(
            config.peakLr(),
            config.warmupSteps(),
            config.steps(),
            config.peakLr() * config.finalLrFraction());
  }

  /** A fresh run. */
  public static VaeTrainer start(NDManager parent, VaeTrainingConfig config, ClipSource source) {
    return new VaeTrainer(parent, config, source);
  }

  /**
   * Continues the run saved in {@code checkpoint} (a folder written by {@link #saveCheckpoint}),
   * with its recorded config and data source.
   */
  public static VaeTrainer resume(NDManager parent, Path checkpoint) throws CheckpointException {
    Path record = checkpoint.resolve(TRAINER_JSON);
    JsonNode json = TrainerRecord.read(checkpoint, FORMAT, "VAE");
    VaeTrainingConfig config = VaeTrainingConfig.fromJson(json.get("training"), record.toString());
    ClipSource source = sourceOf(json.path("data"), record);
    VaeTrainer trainer = new VaeTrainer(parent, config, source);
    try {
      TrainerRecord.restore(checkpoint, json, trainer.model.parameters(), trainer.adam);
    } catch (CheckpointException e) {
      trainer.close();
      throw e;
    }
    trainer.wallSeconds = json.path("wall_seconds").asDouble(0);
    return trainer;
  }

  private static ClipSource sourceOf(JsonNode data, Path record) throws CheckpointException {
    return switch (data.path("source").asText()) {
      case "world" -> new WorldClips();
      case "folder" -> new FolderClips(Path.of(data.path("path").asText()));
      default -> throw new CheckpointException(record + ": unknown data source " + data);
    };
  }

  /**
   * Runs one update: batch, forward, backward, clipping, AdamW, EMA. A non-finite loss or gradient
   * (after {@link Step#backward}'s one recomputation) fails the run as diverged, before anything
   * changes.
   */
  public StepReport step() {
    long start = System.nanoTime();
    long s = stepsDone();
    TrainingBatches.Batch batch = batches.batch(s);
    try (Step step = model.step()) {
      NDArray x = VideoTensors.fromClips(step.manager(), batch.clips()); // (B, 3, T, H, W)
      NDArray[] parts = new NDArray[3];
      Gradients g =
          step.backward(
              () -> {
                // The posterior noise, seeded inside the pass: Step.backward's recomputation of a
                // pass with non-finite gradients must draw the same noise, or a run that met one
                // would leave the data order of a run that did not (a flaky resume test showed it).
                Engine.getInstance().setRandomSeed(engineSeed(config.seed(), s));
                Posterior q = model.posterior(x); // (B, L, T', H/8, W/8) each
                NDArray recon = model.decodeRaw(q.sample()); // (B, 3, T, H, W)
                parts[0] =
                    config.motionWeight() == 0
                        ? recon.sub(x).square().mean()
                        : MotionWeights.weightedMse(
                            recon, x, MotionWeights.of(x, config.motionWeight()));
                parts[1] = q.klPerElement();
                parts[2] = recon;
                return parts[0].add(parts[1].mul(config.klWeight()));
              });
      double loss = g.lossValue();
      double norm = g.clipGlobalNorm(config.gradClip()); // clips nothing when not finite
      if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
        throw new IllegalStateException(
            "the loss or gradients became non-finite at step " + (s + 1) + ": diverged");
      }
      double lr = schedule.at(s);
      adam.update(g, lr);
      ema.update(s);
      double mse = parts[2].clip(-1, 1).sub(x).square().mean().getFloat() * 127.5 * 127.5;
      double plain = parts[2].sub(x).square().mean().getFloat(); // unweighted, unclipped
      double seconds = (System.nanoTime() - start) / 1e9;
      wallSeconds += seconds;
      return new StepReport(
          s + 1,
          batch.frames(),
          loss,
          plain,
          parts[1].getFloat(),
          Fidelity.psnrOf(mse),
          lr,
          norm,
          seconds);
    }
  }

  /** Updates done so far (restored by {@link #resume}). */
  public long stepsDone() {
    return adam.stepCount();
  }

  /**
   * Writes {@value #TRAIN_STATE} (weights, AdamW moments and step, EMA) and {@value #TRAINER_JSON}
   * (config, step, data stream, optimizer settings) into {@code dir}, each atomically.
   */
  public void saveCheckpoint(Path dir) throws IOException {
    model.parameters().save(dir.resolve(TRAIN_STATE));
    ObjectNode json = TrainerRecord.start(FORMAT, stepsDone(), wallSeconds, config.toJson());
    ObjectNode data = json.putObject("data");
    if (source instanceof FolderClips folder) {
      data.put("source", "folder");
      data.put("path", folder.dir().toAbsolutePath().toString());
    } else {
      data.put("source", "world");
    }
    data.put("seed", config.seed());
    data.put("next_step", stepsDone());
    data.put("rule", "the batch of step s is drawn from SplittableRandom(stepSeed(seed, s))");
    TrainerRecord.write(dir, json, adam, schedule, stepsDone());
  }

  /**
   * The model to ship: a VAE holding the EMA weights, its latent normalisation measured on a fixed
   * set of training-distribution clips. The same object is refreshed on every call.
   */
  public VideoVae averagedModel() {
    if (averaged == null) {
      averaged = new VideoVae(parent, config.model());
    }
    for (String name : model.parameters().trainableNames()) {
      InPlace.copy(ema.get(name), averaged.parameters().get(name));
    }
    if (config.init() != null && config.init().freezeEncoder()) {
      // The frozen encoder and its latent normalisation are copied unchanged: same latents.
      for (String name : averaged.parameters().names()) {
        if (!model.parameters().trainableNames().contains(name)) {
          InPlace.copy(model.parameters().get(name), averaged.parameters().get(name));
        }
      }
      return averaged;
    }
    List<List<RgbFrame>> clips = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(CALIBRATION_SEED);
    for (int i = 0; i < CALIBRATION_CLIPS; i++) {
      clips.add(source.clip(random.split(), config.clipFrames(), config.crop()));
    }
    LatentStatistics.calibrate(averaged, clips);
    return averaged;
  }

  public VaeTrainingConfig config() {
    return config;
  }

  public ClipSource source() {
    return source;
  }

  /** Training time so far, summed over every resumed part of the run. */
  public double wallSeconds() {
    return wallSeconds;
  }

  void addWallSeconds(double seconds) {
    wallSeconds += seconds;
  }

  /** The model being trained (its live, not averaged, weights). */
  public VideoVae model() {
    return model;
  }

  private static int engineSeed(long seed, long step) {
    long z = TrainingBatches.stepSeed(seed ^ 0x5EEDL, step);
    return (int) (z ^ (z >>> 32));
  }

  @Override
  public void close() {
    if (averaged != null) {
      averaged.close();
    }
    model.close();
  }
}
