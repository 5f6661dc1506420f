package ai.kinora.cli;

import ai.kinora.generate.TextToVideo;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The model flags shared by every command that generates: denoising steps, guidance, negative
 * prompt, strictness about unmapped words, and the model folders. Names and defaults are a contract
 * across commands, like {@link ClipOptions}.
 */
final class GenerationOptions {

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "" + TextToVideo.DEFAULT_STEPS,
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--guidance",
      paramLabel = "G",
      defaultValue = "" + TextToVideo.DEFAULT_GUIDANCE,
      description = "Classifier-free guidance scale, 1 = none (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(
      names = "--negative",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "Negative prompt: what to steer away from (default: none).")
  String negative;

  @Option(names = "--strict", description = "Refuse prompts with words Kinora cannot map.")
  boolean strict;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "Text encoder + DiT folder (default: models/dit).")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE folder (default: models/vae).")
  Path vae;

  /** Refuses out-of-range steps and guidance by their flags, before the prompt is even read. */
  void check() {
    if (steps < 1 || steps > TextToVideo.MAX_STEPS) {
      throw new IllegalArgumentException(
          "--steps must be 1.." + TextToVideo.MAX_STEPS + ", got " + steps);
    }
    if (!(guidance >= 1 && guidance <= TextToVideo.MAX_GUIDANCE)) {
      throw new IllegalArgumentException(
          "--guidance must be at least 1 (no guidance) and at most "
              + (int) TextToVideo.MAX_GUIDANCE
              + ", got "
              + guidance);
    }
  }
}
