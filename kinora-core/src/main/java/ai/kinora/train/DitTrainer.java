package ai.kinora.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.DitModel;
import ai.kinora.flow.LogitNormal;
import ai.kinora.flow.TimeShift;
import ai.kinora.nn.AdamW;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.Ema;
import ai.kinora.nn.Gradients;
import ai.kinora.nn.InPlace;
import ai.kinora.nn.LrSchedule;
import ai.kinora.nn.Step;
import ai.kinora.text.Tokenizer;
import ai.kinora.vae.VideoTensors;
import ai.kinora.vae.VideoVae;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One diffusion-transformer training run's state and update: the text encoder and DiT ({@link
 * DitModel}), AdamW with warmup and cosine decay, an EMA of the weights (what ships), the frozen
 * VAE that encodes each batch on the fly, and the data stream of {@link DitBatches}. Each encoded
 * batch serves {@code echo} consecutive updates, each with its own noise, times and caption dropout
 * ("data echoing", Choi et al. 2019): encoding is a fifth to a quarter of an update. Everything
 * random is a function of (seed, step), so {@link #resume} continues exactly where {@link
 * #saveCheckpoint} left off.
 */
public final class DitTrainer implements AutoCloseable {

  public static final String TRAIN_STATE = TrainerRecord.STATE;
  public static final String TRAINER_JSON = TrainerRecord.FILE;
  static final String FORMAT = "kinora-dit-training/1";

  /** What one update did; {@code step} counts updates done, so the first report says 1. */
  public record StepReport(
      long step,
      String bucket,
      int clips,
      int tokens,
      double loss,
      double lr,
      double gradNorm,
      double encodeSeconds,
      double seconds) {}

  private final NDManager parent;

  /** The record's data source of a run on a dataset folder. */
  static final String FOLDER = "folder";

  private final DitTrainingConfig config;
  private final Path vaeDir;
  private final VideoVae vae;
  private final DitModel model;
  private final DitBatches batches;
  private final CaptionedClips folder; // null: Kinora World
  private Path init; // the model folder the run started from; null: random weights

  /** The names of the time-position layer's tensors, which a started-from model may lack. */
  static final String TIME_POSITION_PREFIX = "dit.time_position.";

  private final DitTrainStep trainStep;
  private final AdamW adam;
  private final Ema ema;
  private final LrSchedule schedule;
  private double wallSeconds;
  private DitModel averaged;
  private long encodedBatch = -1; // the batch index whose latents are held below
  private DitBatches.Batch batch;
  private float[] values;
  private Shape shape;

  private DitTrainer(
      NDManager parent,
      DitTrainingConfig config,
      Path vaeDir,
      CaptionedClips folder,
      Tokenizer tokenizer,
      Path init)
      throws CheckpointException {
    this.parent = parent;
    this.folder = folder;
    this.init = init == null ? null : init.toAbsolutePath();
    this.config = config;
    this.vaeDir = vaeDir.toAbsolutePath();
    this.vae = VideoVae.load(parent, vaeDir);
    if (vae.config().latentChannels() != config.dit().latentChannels()) {
      vae.close();
      throw new CheckpointException(
          vaeDir
              + ": the VAE makes "
              + vae.config().latentChannels()
              + " latent channels, the DiT config expects "
              + config.dit().latentChannels());
    }
    DitBuckets buckets = config.bucketSet();
    Engine.getInstance().setRandomSeed(engineSeed(config.seed(), -1)); // the initial weights
    this.model =
        new DitModel(
            parent,
            config.dit(),
            config.text(),
            tokenizer,
            new DitModel.Native(buckets.canvases(), buckets.fps()));
    if (init != null) {
      try {
        // before the EMA copies them; time positions may be new to the run (they start at zero)
        model
            .parameters()
            .load(
                init.resolve(DitModel.WEIGHTS_FILE),
                name -> false,
                name -> config.dit().timePositions() && name.startsWith(TIME_POSITION_PREFIX));
      } catch (IOException e) {
        model.close();
        vae.close();
        throw new CheckpointException(
            init
                + ": cannot start from this model: "
                + e.getMessage()
                + " (its DiT and text encoder must have the run's shapes)",
            e);
      }
    }
    this.batches =
        new DitBatches(
            buckets,
            FrameMasks.DEFAULT,
            config.dit().patch().pt(),
            config.seed(),
            folder,
            config.objective().mirrorPairs(),
            config.objective().captionWording());
    this.trainStep =
        new DitTrainStep(
            model.dit(),
            model.text(),
            new DitTrainStep.Config(
                new LogitNormal(config.objective().timestepMean(), 1),
                TimeShift.FLUX,
                config.captionDropout(),
                config.objective().foregroundWeight()));
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

  /** A fresh run on Kinora World, on latents of the VAE in {@code vaeDir}. */
  public static DitTrainer start(NDManager parent, DitTrainingConfig config, Path vaeDir)
      throws CheckpointException {
    return start(parent, config, vaeDir, null);
  }

  /**
   * A fresh run on the clips and captions of {@code folder} (Kinora World if null), on latents of
   * the VAE in {@code vaeDir}; the vocabulary adds the folder's caption words to Kinora World's.
   */
  public static DitTrainer start(
      NDManager parent, DitTrainingConfig config, Path vaeDir, CaptionedClips folder)
      throws CheckpointException {
    Tokenizer tokenizer =
        folder == null ? Tokenizer.fromWorld() : Tokenizer.fromWorldAnd(folder.captions());
    return new DitTrainer(parent, config, vaeDir, folder, tokenizer, null);
  }

  /**
   * A fresh run that starts from the weights and vocabulary of the model folder {@code init} (as
   * {@code models/dit}): its own optimiser, warm-up and schedule, the model's words (a folder's
   * caption words outside them read as unknown). How the shipped model is fine-tuned on another
   * VAE's latents or on a dataset; {@code config}'s DiT and text encoder must have its shapes.
   */
  public static DitTrainer start(
      NDManager parent, DitTrainingConfig config, Path vaeDir, CaptionedClips folder, Path init)
      throws CheckpointException {
    if (init == null) {
      return start(parent, config, vaeDir, folder);
    }
    Path vocabulary = init.resolve(DitModel.TOKENIZER_FILE);
    Tokenizer tokenizer;
    try {
      tokenizer = Tokenizer.load(vocabulary);
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(
          vocabulary + ": cannot read the vocabulary: " + e.getMessage(), e);
    }
    return new DitTrainer(parent, config, vaeDir, folder, tokenizer, init);
  }

  /** Continues the run saved in {@code checkpoint}, with its recorded config and VAE. */
  public static DitTrainer resume(NDManager parent, Path checkpoint) throws CheckpointException {
    return resume(parent, checkpoint, null);
  }

  /**
   * Resumes the run of {@code checkpoint}, planned anew for {@code extendTo} steps if not null: the
   * cosine decay is stretched to the new end (the learning rate of the step resumed at rises a
   * little, by less than 1% of the peak while the run is in its first quarter), everything else
   * (data order, optimizer state, EMA) continues as it was.
   */
  public static DitTrainer resume(NDManager parent, Path checkpoint, Long extendTo)
      throws CheckpointException {
    return resume(parent, checkpoint, extendTo, null);
  }

  /** The objective the run saved in {@code checkpoint} trains with. */
  public static DitObjective recordedObjective(Path checkpoint) throws CheckpointException {
    JsonNode json = TrainerRecord.read(checkpoint, FORMAT, "DiT");
    return DitTrainingConfig.fromJson(json.get("training"), checkpoint.toString()).objective();
  }

  /**
   * As {@link #resume(NDManager, Path, Long)}, and with {@code objective} (if not null) replacing
   * the run's loss from the resumed step on: a fine-tune of a run with another objective, recorded
   * in the run's config from then on.
   */
  public static DitTrainer resume(
      NDManager parent, Path checkpoint, Long extendTo, DitObjective objective)
      throws CheckpointException {
    Path record = checkpoint.resolve(TRAINER_JSON);
    JsonNode json = TrainerRecord.read(checkpoint, FORMAT, "DiT");
    DitTrainingConfig config = DitTrainingConfig.fromJson(json.get("training"), record.toString());
    if (extendTo != null) {
      if (extendTo <= config.steps()) {
        throw new IllegalArgumentException(
            "a run can only be extended: it is planned for "
                + config.steps()
                + " steps, --steps must be more");
      }
      config = config.with(extendTo, null, null, null);
    }
    if (objective != null) {
      config = config.with(objective);
    }
    String vae = json.path("data").path("vae").asText("");
    if (vae.isEmpty()) {
      throw new CheckpointException(record + ": does not name the VAE the run trained on");
    }
    CaptionedClips folder = null;
    if (json.path("data").path("source").asText("").equals(FOLDER)) {
      folder = new CaptionedClips(Path.of(json.path("data").path("path").asText()));
    }
    Tokenizer tokenizer = Tokenizer.fromWorld();
    Path words = checkpoint.resolve(TrainingRun.MODEL).resolve(DitModel.TOKENIZER_FILE);
    String init = json.path("data").path("init").asText("");
    if (folder != null || !init.isEmpty() || Files.exists(words)) {
      try {
        // The run's own vocabulary, as its checkpoint's model folder holds it.
        tokenizer = Tokenizer.load(words);
      } catch (IOException e) {
        throw new CheckpointException(checkpoint + ": cannot read the run's vocabulary", e);
      }
    }
    DitTrainer trainer = new DitTrainer(parent, config, Path.of(vae), folder, tokenizer, null);
    trainer.init = init.isEmpty() ? null : Path.of(init); // recorded only: the weights come next
    try {
      TrainerRecord.restore(checkpoint, json, trainer.model.parameters(), trainer.adam);
    } catch (CheckpointException e) {
      trainer.close();
      throw e;
    }
    trainer.wallSeconds = json.path("wall_seconds").asDouble(0);
    return trainer;
  }

  /**
   * One update: the step's batch rendered and encoded by the VAE, the flow-matching loss of {@link
   * DitTrainStep}, clipping, AdamW, EMA. Non-finite gradients fail the run with the step named.
   */
  public StepReport step() {
    long start = System.nanoTime();
    long s = stepsDone();
    long index = s / config.echo();
    if (index != encodedBatch) {
      batch = batches.batch(index);
      try (Step step = vae.step()) {
        NDArray latents = vae.encode(VideoTensors.fromClips(step.manager(), batch.clips()));
        values = latents.toFloatArray(); // (B, L, T', h, w)
        shape = latents.getShape();
      }
      encodedBatch = index;
    }
    double encodeSeconds = (System.nanoTime() - start) / 1e9;
    SplittableRandom rng =
        new SplittableRandom(TrainingBatches.stepSeed(config.seed() ^ 0xD17L, s));
    Engine.getInstance().setRandomSeed(engineSeed(config.seed(), s));
    try (Step step = model.step()) {
      NDArray latents = step.manager().create(values, shape);
      Gradients g = trainStep.run(step, latents, batch.captions(), batch.masks(), rng);
      double loss = g.lossValue();
      double norm = g.clipGlobalNorm(config.gradClip()); // clips nothing when not finite
      if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
        throw new IllegalStateException(
            "the loss or gradients became non-finite at step " + (s + 1) + ": diverged");
      }
      double lr = schedule.at(s);
      adam.update(g, lr);
      ema.update(s);
      double seconds = (System.nanoTime() - start) / 1e9;
      wallSeconds += seconds;
      int tokens = (int) (model.dit().patchifier().grid(shape).tokens() * shape.get(0));
      return new StepReport(
          s + 1,
          batch.bucket().label(),
          batch.clips().size(),
          tokens,
          loss,
          lr,
          norm,
          encodeSeconds,
          seconds);
    }
  }

  public long stepsDone() {
    return adam.stepCount();
  }

  /** Writes {@value #TRAIN_STATE} (weights, AdamW state, EMA) and {@value #TRAINER_JSON}. */
  public void saveCheckpoint(Path dir) throws IOException {
    Files.createDirectories(dir);
    model.parameters().save(dir.resolve(TRAIN_STATE));
    ObjectNode json = TrainerRecord.start(FORMAT, stepsDone(), wallSeconds, config.toJson());
    ObjectNode data = json.putObject("data");
    if (folder == null) {
      data.put("source", "kinora world, rendered per step and encoded by the VAE");
    } else {
      data.put("source", FOLDER);
      data.put("path", folder.dir().toAbsolutePath().toString());
    }
    data.put("vae", vaeDir.toString());
    if (init != null) {
      data.put("init", init.toString()); // where step 0's weights came from
    }
    data.put("seed", config.seed());
    data.put("next_step", stepsDone());
    data.put("rule", "the batch of step s is drawn from SplittableRandom(stepSeed(seed, s))");
    TrainerRecord.write(dir, json, adam, schedule, stepsDone());
  }

  /** The model to ship: the EMA weights in a model of their own (refreshed on every call). */
  public DitModel averagedModel() {
    if (averaged == null) {
      averaged =
          new DitModel(
              parent, config.dit(), config.text(), model.tokenizer(), model.nativeFormat());
    }
    for (String name : model.parameters().trainableNames()) {
      InPlace.copy(ema.get(name), averaged.parameters().get(name));
    }
    return averaged;
  }

  public DitTrainingConfig config() {
    return config;
  }

  /** The frozen VAE the run encodes with. */
  public VideoVae vae() {
    return vae;
  }

  public Path vaeDir() {
    return vaeDir;
  }

  /** The dataset folder the run trains on, or null for Kinora World. */
  public CaptionedClips folder() {
    return folder;
  }

  public DitModel model() {
    return model;
  }

  public double wallSeconds() {
    return wallSeconds;
  }

  void addWallSeconds(double seconds) {
    wallSeconds += seconds;
  }

  private static int engineSeed(long seed, long step) {
    long z = TrainingBatches.stepSeed(seed ^ 0xD1DL, step);
    return (int) (z ^ (z >>> 32));
  }

  @Override
  public void close() {
    if (averaged != null) {
      averaged.close();
    }
    model.close();
    vae.close();
  }
}
