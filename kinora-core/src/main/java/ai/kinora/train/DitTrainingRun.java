package ai.kinora.train;

import ai.kinora.dit.DitModel;
import ai.kinora.eval.Scorer;
import ai.kinora.eval.SuiteSummary;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.EncodeOptions;
import ai.kinora.media.Video;
import ai.kinora.media.VideoWriter;
import ai.kinora.nn.Precision;
import ai.kinora.world.Canvas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Drives a {@link DitTrainer} to its last step inside an output folder, like {@link TrainingRun}
 * does for the VAE:
 *
 * <pre>
 * OUT/metrics.jsonl                 a line per step; a line per checkpoint with the sample scores
 * OUT/checkpoints/step-00001000/    train.safetensors, trainer.json, model/ (the last two kept)
 * OUT/model/                        the newest EMA model (config.json, model.safetensors, tokenizer)
 * OUT/samples/step-00001000/        the checkpoint's sample videos, one per held-out prompt
 * </pre>
 *
 * At every checkpoint the EMA model generates a 4-second 128x128 clip for each sample prompt, and
 * the scorer judges it against the prompt's scene: the fraction of attributes passed is logged.
 */
public final class DitTrainingRun {

  /** What the run reports as it goes. */
  public interface Listener {
    void onStep(DitTrainer.StepReport report);

    void onCheckpoint(long step, Path dir, SuiteSummary samples);
  }

  public static final String SAMPLES = "samples";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path out;
  private final String command;
  private final List<String> samplePrompts;

  public DitTrainingRun(Path out, String command, List<String> samplePrompts) {
    this.out = out;
    this.command = command;
    this.samplePrompts = List.copyOf(samplePrompts);
  }

  public void run(DitTrainer trainer, Listener listener) throws IOException {
    Files.createDirectories(out.resolve(TrainingRun.CHECKPOINTS));
    long total = trainer.config().steps();
    long every = trainer.config().checkpointEvery();
    try (MetricsLog metrics =
        MetricsLog.continueAt(out.resolve(TrainingRun.METRICS), trainer.stepsDone())) {
      while (trainer.stepsDone() < total) {
        DitTrainer.StepReport r = trainer.step();
        metrics.write(stepLine(r));
        listener.onStep(r);
        if (r.step() % every == 0 || r.step() == total) {
          long begin = System.nanoTime();
          Path dir = checkpoint(trainer);
          SuiteSummary samples = sample(trainer, r.step());
          trainer.addWallSeconds((System.nanoTime() - begin) / 1e9);
          metrics.write(sampleLine(r.step(), trainer.wallSeconds(), samples));
          listener.onCheckpoint(r.step(), dir, samples);
        }
      }
    }
  }

  /** Writes checkpoint step-N atomically, refreshes OUT/model and prunes old checkpoints. */
  Path checkpoint(DitTrainer trainer) throws IOException {
    String name = String.format("step-%08d", trainer.stepsDone());
    return TrainingRun.writeAtomically(
        out,
        name,
        temp -> {
          trainer.saveCheckpoint(temp);
          exportModel(trainer, temp.resolve(TrainingRun.MODEL));
        },
        () -> exportModel(trainer, out.resolve(TrainingRun.MODEL)));
  }

  private void exportModel(DitTrainer trainer, Path dir) throws IOException {
    DitModel model = trainer.averagedModel();
    ObjectNode extra = JSON.createObjectNode();
    ObjectNode t = extra.putObject("training");
    t.put("command", command);
    t.put("steps", trainer.stepsDone());
    t.put("wall_seconds", Math.round(trainer.wallSeconds()));
    t.put("precision", Precision.current().toString());
    t.put("vae", trainer.vaeDir().toString());
    t.put("weights", "EMA of the trained weights");
    t.set("recipe", trainer.config().toJson());
    if (trainer.folder() != null) {
      t.put("data", trainer.folder().dir().toAbsolutePath().toString());
      extra.put(DitModel.PROMPTS, DitModel.VERBATIM_PROMPTS);
    } else {
      extra.put(DitModel.CAPTION_WORDING, trainer.config().objective().captionWording().key());
    }
    model.save(dir, extra);
  }

  /**
   * Generates the sample prompts with the EMA model and scores them (Kinora World runs); videos go
   * to OUT/samples.
   */
  SuiteSummary sample(DitTrainer trainer, long step) throws IOException {
    SuiteSummary summary = new SuiteSummary();
    if (samplePrompts.isEmpty()) {
      return summary;
    }
    Path dir = out.resolve(SAMPLES).resolve(String.format("step-%08d", step));
    Files.createDirectories(dir);
    TextToVideo generator = new TextToVideo(trainer.vae(), trainer.averagedModel());
    Scorer scorer = new Scorer();
    for (int i = 0; i < samplePrompts.size(); i++) {
      TextToVideo.Request request =
          new TextToVideo.Request(
              samplePrompts.get(i),
              new Canvas(128, 128),
              4,
              8,
              i,
              TextToVideo.DEFAULT_STEPS,
              TextToVideo.DEFAULT_GUIDANCE,
              "");
      // A dataset folder's captions are used as they are and cannot be scored.
      PromptEnhancer.Enhanced prompt =
          trainer.folder() == null
              ? PromptEnhancer.enhance(
                  request.prompt(), 4, trainer.config().objective().captionWording())
              : PromptEnhancer.verbatim(request.prompt());
      TextToVideo.Result result = generator.generate(request, prompt);
      Video video = new Video(result.frames(), result.fps());
      if (prompt.scene() != null) {
        summary.add(scorer.score(video, prompt.scene()));
      }
      VideoWriter.write(dir.resolve(String.format("%02d.mp4", i)), video, EncodeOptions.DEFAULT);
    }
    return summary;
  }

  private static ObjectNode stepLine(DitTrainer.StepReport r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", r.step());
    n.put("loss", r.loss());
    n.put("bucket", r.bucket());
    n.put("clips", r.clips());
    n.put("tokens", r.tokens());
    n.put("lr", r.lr());
    n.put("grad_norm", MetricsLog.round(r.gradNorm()));
    n.put("encode_seconds", MetricsLog.round(r.encodeSeconds()));
    n.put("seconds", MetricsLog.round(r.seconds()));
    return n;
  }

  /** The metrics line of a checkpoint's samples. */
  static ObjectNode sampleLine(long step, double wallSeconds, SuiteSummary s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", step);
    n.put("wall_seconds", Math.round(wallSeconds));
    ObjectNode samples = n.putObject("samples");
    samples.put("videos", s.videos());
    samples.put("attributes_passed", s.passed());
    samples.put("attributes_judged", s.judged());
    samples.put("attribute_accuracy", MetricsLog.round(s.attributeAccuracy()));
    if (s.leftRightObjects() == 0) {
      samples.putNull("left_right_accuracy"); // no sample moved left or right
    } else {
      samples.put("left_right_accuracy", MetricsLog.round(s.leftRightAccuracy()));
    }
    return n;
  }
}
