package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.dit.DitModel;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.VideoWriter;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kinora generate}: text to video with the shipped model. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a video from a text prompt with Kinora's model (text encoder, diffusion",
      "transformer on spacetime latent patches, causal video VAE). The prompt enhancer turns",
      "the prompt into a detailed caption first; words it cannot map are reported and left out",
      "(--strict refuses them). Output format follows the file extension: .mp4, .webm, .gif.",
      "Sizes other than the model's native ones (128x128, 224x128, 128x224) are generated at",
      "the native size of the nearest aspect ratio, then cropped to the exact aspect and resized."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora generate \"a small red circle moves to the right on a gray background\" -o out.mp4",
      "  ./kinora generate \"a large blue star spins on a dusk background\" --size 1280x720 -o s.webm",
      "  ./kinora generate \"a green ball falls and bounces\" --seed 3 --steps 16 --guidance 5 -o b.gif"
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROMPT", description = "What the video shows.")
  String prompt;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Output video (.mp4, .webm or .gif).")
  Path output;

  @Mixin ClipOptions clip;

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

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".mp4") || name.endsWith(".webm") || name.endsWith(".gif"))) {
      throw new IllegalArgumentException(
          output + ": choose a video file ending in .mp4, .webm or .gif");
    }
    Canvas size = clip.canvas();
    double fps = clip.fps();
    PromptEnhancer.Enhanced enhanced = PromptEnhancer.enhance(prompt, 4);
    double seconds = clip.secondsOr(enhanced.scene().durationSeconds());
    if (seconds != enhanced.scene().durationSeconds()) {
      enhanced = PromptEnhancer.enhance(prompt, seconds);
    }
    if (!enhanced.unmapped().isEmpty()) {
      String words = String.join(", ", enhanced.unmapped());
      if (strict) {
        throw new IllegalArgumentException(
            "--strict: the prompt has words Kinora cannot map: " + words);
      }
      err.println("kinora: ignoring words Kinora cannot map: " + words);
    }
    for (String note : enhanced.notes()) {
      err.println("kinora: " + note);
    }
    TextToVideo.Request request =
        new TextToVideo.Request(prompt, size, seconds, fps, clip.seed, steps, guidance, negative);
    try (NDManager manager = NDManager.newBaseManager();
        VideoVae v = VideoVae.load(manager, ModelPaths.vae(vae));
        DitModel m = DitModel.load(manager, ModelPaths.dit(model))) {
      long loaded = System.nanoTime();
      TextToVideo.Result result = new TextToVideo(v, m).generate(request, enhanced);
      long encodeStart = System.nanoTime();
      List<RgbFrame> frames = result.frames();
      VideoWriter.write(
          output, size.width(), size.height(), fps, frames.size(), frames::get, () -> {});
      long end = System.nanoTime();
      TextToVideo.Timings t = result.timings();
      out.println("caption: " + enhanced.caption());
      out.printf(
          Locale.ROOT,
          "wrote %s: %s, %d frames at %s fps (%.3g s), generated at %s%n",
          output,
          size,
          frames.size(),
          WorldCommand.trim(fps),
          frames.size() / fps,
          result.nativeSize());
      out.printf(
          Locale.ROOT,
          "time: load %.0f ms, text %.0f ms, denoising %.0f ms (%d steps), decoding %.0f ms,"
              + " resizing %.0f ms, encoding %.0f ms; total in command %.2f s; peak RSS %s%n",
          (loaded - start) / 1e6,
          t.text() * 1e3,
          t.denoising() * 1e3,
          steps,
          t.decoding() * 1e3,
          t.resampling() * 1e3,
          (end - encodeStart) / 1e6,
          (end - start) / 1e9,
          VaeBenchCommand.peakRssMb() + " MB");
    }
    return 0;
  }
}
