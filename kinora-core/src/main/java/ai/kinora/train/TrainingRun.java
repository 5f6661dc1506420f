package ai.kinora.train;

import ai.kinora.nn.AtomicFiles;
import ai.kinora.nn.Precision;
import ai.kinora.vae.VideoVae;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drives a {@link VaeTrainer} to its last step inside an output folder:
 *
 * <pre>
 * OUT/metrics.jsonl                      one line per step, plus one per checkpoint evaluation
 * OUT/checkpoints/step-00001000/         train.safetensors, trainer.json, model/ (the last two kept)
 * OUT/model/                             config.json + model.safetensors of the newest checkpoint
 * </pre>
 *
 * A checkpoint folder is written under a temporary name and renamed when complete, so a kill at any
 * moment leaves only complete checkpoints; {@link #latestCheckpoint} finds the newest to resume.
 * Every checkpoint also exports the EMA model with its latent normalisation and evaluates it on a
 * small held-out set.
 */
public final class TrainingRun {

  /** What the run reports as it goes. */
  public interface Listener {
    void onStep(VaeTrainer.StepReport report);

    void onCheckpoint(long step, Path dir, VaeEvaluation.Result eval);
  }

  public static final String METRICS = "metrics.jsonl";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String MODEL = "model";
  private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");
  private static final int KEEP = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path out;
  private final String command;
  private final List<VaeEvaluation.Item> evalSet;

  /** A run writing to {@code out}; {@code command} is recorded beside the exported model. */
  public TrainingRun(Path out, String command, List<VaeEvaluation.Item> evalSet) {
    this.out = out;
    this.command = command;
    this.evalSet = List.copyOf(evalSet);
  }

  /** Trains until the configured number of steps, checkpointing on the way and at the end. */
  public void run(VaeTrainer trainer, Listener listener) throws IOException {
    Files.createDirectories(out.resolve(CHECKPOINTS));
    long total = trainer.config().steps();
    long every = trainer.config().checkpointEvery();
    try (MetricsLog metrics = MetricsLog.continueAt(out.resolve(METRICS), trainer.stepsDone())) {
      while (trainer.stepsDone() < total) {
        VaeTrainer.StepReport r = trainer.step();
        metrics.step(r);
        listener.onStep(r);
        if (r.step() % every == 0 || r.step() == total) {
          long begin = System.nanoTime();
          Path dir = checkpoint(trainer);
          VaeEvaluation.Result eval = VaeEvaluation.run(trainer.averagedModel(), evalSet);
          trainer.addWallSeconds((System.nanoTime() - begin) / 1e9);
          metrics.evaluation(r.step(), trainer.wallSeconds(), eval);
          listener.onCheckpoint(r.step(), dir, eval);
        }
      }
    }
  }

  /** Writes checkpoint step-N atomically, refreshes OUT/model and prunes old checkpoints. */
  Path checkpoint(VaeTrainer trainer) throws IOException {
    String name = String.format("step-%08d", trainer.stepsDone());
    VideoVae model = trainer.averagedModel();
    return writeAtomically(
        out,
        name,
        temp -> {
          trainer.saveCheckpoint(temp);
          model.save(temp.resolve(MODEL), record(trainer));
        },
        () -> model.save(out.resolve(MODEL), record(trainer)));
  }

  /** Writes into a directory. */
  interface Filler {
    void fill(Path dir) throws IOException;
  }

  /** Work after a checkpoint is complete. */
  interface After {
    void run() throws IOException;
  }

  /**
   * Writes OUT/checkpoints/{@code name}: {@code fill} writes into a temporary folder that is then
   * renamed, so a kill at any moment leaves only complete checkpoints; then {@code after} runs and
   * all but the newest {@value #KEEP} checkpoints are deleted.
   */
  static Path writeAtomically(Path out, String name, Filler fill, After after) throws IOException {
    Path checkpoints = out.resolve(CHECKPOINTS);
    Path temp = checkpoints.resolve("." + name + ".tmp");
    AtomicFiles.deleteTree(temp);
    Files.createDirectories(temp);
    fill.fill(temp);
    Path done = checkpoints.resolve(name);
    AtomicFiles.deleteTree(done);
    try {
      Files.move(temp, done, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, done);
    }
    after.run();
    prune(checkpoints);
    return done;
  }

  private ObjectNode record(VaeTrainer trainer) {
    ObjectNode extra = JSON.createObjectNode();
    ObjectNode t = extra.putObject("training");
    t.put("command", command);
    t.put("steps", trainer.stepsDone());
    t.put("wall_seconds", Math.round(trainer.wallSeconds()));
    t.put("precision", Precision.current().toString());
    t.put("data", trainer.source().describe());
    t.put("weights", "EMA of the trained weights; latent normalisation measured after training");
    t.set("recipe", trainer.config().toJson());
    return extra;
  }

  /** The newest complete checkpoint under {@code out}, if any. */
  public static Optional<Path> latestCheckpoint(Path out) throws IOException {
    Path checkpoints = out.resolve(CHECKPOINTS);
    if (!Files.isDirectory(checkpoints)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(checkpoints)) {
      return dirs.filter(d -> STEP_DIR.matcher(d.getFileName().toString()).matches())
          .max(Comparator.comparingLong(TrainingRun::stepOf));
    }
  }

  private static long stepOf(Path dir) {
    Matcher m = STEP_DIR.matcher(dir.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static void prune(Path checkpoints) throws IOException {
    List<Path> dirs;
    try (Stream<Path> list = Files.list(checkpoints)) {
      dirs =
          list.filter(d -> STEP_DIR.matcher(d.getFileName().toString()).matches())
              .sorted(Comparator.comparingLong(TrainingRun::stepOf).reversed())
              .toList();
    }
    for (Path old : dirs.subList(Math.min(KEEP, dirs.size()), dirs.size())) {
      AtomicFiles.deleteTree(old);
    }
  }
}
