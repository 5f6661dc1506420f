package ai.kinora.cli;

import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Prompting;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.safety.Provenance;
import ai.kinora.safety.ProvenanceRecord;
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
      "the native size of the nearest aspect ratio, then cropped to the exact aspect and resized",
      "(width/height from 0.29 to 3.5: a crop that keeps less than half the frame is refused).",
      "Prompts that ask for violence, sexual content, self-harm or hate are refused before any",
      "work (docs/provenance.md)."
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

  @Mixin VideoOutput target;

  @Mixin ClipOptions clip;

  @Mixin GenerationOptions generation;

  @Option(
      names = "--n",
      paramLabel = "K",
      defaultValue = "1",
      description =
          "Variations: K videos from seeds N, N+1, ... written as OUT-1.mp4 ... OUT-K.mp4,"
              + " denoised in batches of up to 4 (default: ${DEFAULT-VALUE}).")
  int variations;

  /**
   * Variations denoised together at most. Measured at 4 s 128x128: peak RSS 1.2 GB for one video,
   * 1.9 GB for a batch of 4, denoising 14% less time per video than one at a time.
   */
  static final int BATCH = 4;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path output = target.checked();
    Outputs.checkedVariations(variations);
    Canvas size = clip.canvas();
    double fps = clip.fps();
    double seconds = ModelSession.seconds(prompt, clip, generation);
    PromptEnhancer.Enhanced enhanced = ModelSession.enhance(prompt, seconds, generation, err);
    try (ModelSession session = ModelSession.open(generation)) {
      // Up to one window, variations are denoised together in batches; longer videos go one by
      // one, window by window.
      int batch = seconds <= Prompting.WINDOW_SECONDS ? BATCH : 1;
      for (int first = 0; first < variations; first += batch) {
        int count = Math.min(batch, variations - first);
        TextToVideo.Request request =
            new TextToVideo.Request(
                prompt,
                size,
                seconds,
                fps,
                clip.seed + first,
                generation.steps,
                generation.guidance,
                generation.negative);
        List<TextToVideo.Result> results =
            seconds <= Prompting.WINDOW_SECONDS
                ? session.generator.generate(request, enhanced, count)
                : List.of(longVideo(session, request, enhanced));
        if (first == 0) {
          out.println("caption: " + enhanced.caption());
        }
        long encodeStart = System.nanoTime();
        ProvenanceRecord record =
            ModelSession.record(generation, "generate", prompt, enhanced, request.seed());
        for (int i = 0; i < count; i++) {
          int v = first + i;
          Path file = variations == 1 ? output : Outputs.numbered(output, v + 1);
          List<RgbFrame> frames = results.get(i).frames();
          Provenance.write(file, frames, fps, record.withSeed(request.seed() + i), () -> {});
          out.printf(
              Locale.ROOT,
              "wrote %s: %s, %d frames at %s fps (%.3g s), generated at %s, seed %d%n",
              file,
              size,
              frames.size(),
              WorldCommand.trim(fps),
              frames.size() / fps,
              results.get(i).nativeSize(),
              request.seed() + i);
        }
        long end = System.nanoTime();
        TextToVideo.Timings t = results.get(0).timings();
        out.printf(
            Locale.ROOT,
            "time%s: load %.0f ms, text %.0f ms, denoising %.0f ms (%d steps), decoding %.0f ms,"
                + " resizing %.0f ms, encoding %.0f ms; total in command %.2f s; peak RSS %d MB%n",
            count > 1 ? " (" + count + " videos in one batch)" : "",
            first == 0 ? session.loadNanos / 1e6 : 0.0,
            t.text() * 1e3,
            t.denoising() * 1e3,
            generation.steps,
            t.decoding() * 1e3,
            t.resampling() * 1e3,
            (end - encodeStart) / 1e6,
            (end - start) / 1e9,
            BenchEnvironment.peakRssMb());
        out.flush();
      }
    }
    return 0;
  }

  /** Past one window (8 s), window after window, each extending the frames so far. */
  private static TextToVideo.Result longVideo(
      ModelSession session, TextToVideo.Request request, PromptEnhancer.Enhanced enhanced) {
    long start = System.nanoTime();
    List<RgbFrame> natives = new java.util.ArrayList<>();
    try (Progress progress =
        Progress.start(
            "generate",
            Math.round(request.seconds() * session.generator.nativeFormat().fps()),
            "frames")) {
      session.prompting.longVideo(
          request,
          enhanced.caption(),
          Prompting.WINDOW_SECONDS,
          frame -> {
            natives.add(frame);
            progress.step();
          });
    }
    long sampled = System.nanoTime();
    List<RgbFrame> frames =
        TextToVideo.resample(natives, session.generator.nativeFormat().fps(), request);
    ai.kinora.world.Canvas nativeSize = session.prompting.canvas(request);
    return new TextToVideo.Result(
        frames,
        request.fps(),
        nativeSize,
        enhanced,
        new TextToVideo.Timings(
            0, (sampled - start) / 1e9, 0, (System.nanoTime() - sampled) / 1e9));
  }
}
