package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.dit.DitModel;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Prompting;
import ai.kinora.generate.TextToVideo;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.JsonFiles;
import ai.kinora.safety.ContentPolicy;
import ai.kinora.safety.ProvenanceRecord;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.CaptionWording;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The loaded models of one command, and the prompt handling every generating command shares: the
 * content policy, the enhancer, unmapped words reported (or refused with --strict), the parser's
 * notes, and the provenance record of what it writes.
 */
final class ModelSession implements AutoCloseable {

  private final NDManager manager;
  private final VideoVae vae;
  private final DitModel model;
  final TextToVideo generator;
  final Prompting prompting;
  final long loadNanos;

  private ModelSession(NDManager manager, VideoVae vae, DitModel model, long loadNanos) {
    this.manager = manager;
    this.vae = vae;
    this.model = model;
    this.generator = new TextToVideo(vae, model);
    this.prompting = new Prompting(generator);
    this.loadNanos = loadNanos;
  }

  static ModelSession open(GenerationOptions options) throws CheckpointException {
    long start = System.nanoTime();
    NDManager manager = NDManager.newBaseManager();
    VideoVae vae = null;
    try {
      vae = VideoVae.load(manager, ModelPaths.vae(options.vae));
      DitModel model = DitModel.load(manager, ModelPaths.dit(options.model));
      return new ModelSession(manager, vae, model, System.nanoTime() - start);
    } catch (CheckpointException | RuntimeException e) {
      if (vae != null) {
        vae.close();
      }
      manager.close();
      throw e;
    }
  }

  /**
   * Whether the model takes prompts as they are (trained on a dataset folder's captions) rather
   * than through the prompt enhancer; read from its config alone, before anything loads. A missing
   * or unreadable config says no here and is reported when the model loads.
   */
  static boolean verbatim(GenerationOptions options) {
    return verbatim(modelConfig(options));
  }

  private static boolean verbatim(JsonNode config) {
    return config != null
        && DitModel.VERBATIM_PROMPTS.equals(config.path(DitModel.PROMPTS).asText(""));
  }

  /**
   * The caption wording the model was trained on, from its config; a missing, unreadable or invalid
   * config gives the default here and is reported when the model loads.
   */
  private static CaptionWording wording(JsonNode config) {
    try {
      return config == null
          ? CaptionWording.UNRECORDED
          : DitModel.captionWording(config, Path.of(DitModel.CONFIG_FILE));
    } catch (IOException e) {
      return CaptionWording.UNRECORDED;
    }
  }

  /** The model's config.json, read before anything loads; null when missing or unreadable. */
  private static JsonNode modelConfig(GenerationOptions options) {
    try {
      return JsonFiles.read(ModelPaths.dit(options.model).resolve(DitModel.CONFIG_FILE));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The clip's duration: --seconds, else what the prompt asks for ("for 6 seconds"), else 4 s. A
   * model that takes prompts verbatim reads no duration from them.
   */
  static double seconds(String prompt, ClipOptions clip, GenerationOptions options) {
    if (clip.seconds != null || verbatim(options)) {
      return clip.secondsOr(Scene.DEFAULT_SECONDS);
    }
    return PromptParser.parse(prompt).scene().durationSeconds(); // the parser checks its range
  }

  /**
   * The enhanced prompt, after reporting (or, with --strict, refusing) what it could not map; the
   * prompt itself for a model that takes prompts verbatim.
   */
  static PromptEnhancer.Enhanced enhance(
      String prompt, double seconds, GenerationOptions options, PrintWriter err) {
    options.check();
    ContentPolicy.standard().check(prompt);
    JsonNode config = modelConfig(options);
    if (verbatim(config)) {
      return PromptEnhancer.verbatim(prompt);
    }
    PromptEnhancer.Enhanced enhanced = PromptEnhancer.enhance(prompt, seconds, wording(config));
    if (!enhanced.unmapped().isEmpty()) {
      String words = String.join(", ", enhanced.unmapped());
      if (options.strict) {
        throw new IllegalArgumentException(
            "--strict: the prompt has words Kinora cannot map: " + words);
      }
      err.println("kinora: ignoring words Kinora cannot map: " + words);
    }
    for (String note : enhanced.notes()) {
      err.println("kinora: " + note);
    }
    err.flush();
    return enhanced;
  }

  /**
   * The provenance record of a file this command makes from {@code prompt} (its caption left out
   * when the model took the prompt verbatim) with {@code seed}.
   */
  static ProvenanceRecord record(
      GenerationOptions options,
      String command,
      String prompt,
      PromptEnhancer.Enhanced enhanced,
      long seed) {
    String caption = enhanced.caption().equals(prompt) ? null : enhanced.caption();
    String model =
        ProvenanceRecord.modelIdentity(
            ModelPaths.dit(options.model).resolve(DitModel.CONFIG_FILE),
            ModelPaths.vae(options.vae).resolve(VideoVae.CONFIG_FILE));
    return ProvenanceRecord.now(
        command, prompt, caption, seed, options.steps, options.guidance, model);
  }

  @Override
  public void close() {
    model.close();
    vae.close();
    manager.close();
  }
}
