package ai.kinora.cli;

import ai.kinora.generate.NativeSize;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Prompting;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
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

/** {@code kinora image} and {@code kinora animate}: images out, and images in. */
final class StillCommands {

  private StillCommands() {}

  /** Image variations denoised together at most (an image is 64 tokens at 128x128). */
  static final int IMAGE_BATCH = 16;

  /** Image sides up to this are allowed (upscaled from the native size). */
  static final int MAX_IMAGE_SIDE = 2048;

  /** Writes generated frames at {@code fps}, watermarked, with their provenance record. */
  static void write(Path output, List<RgbFrame> frames, double fps, ProvenanceRecord record) {
    Provenance.write(output, frames, fps, record, () -> {});
  }

  /** {@code kinora image}: one frame. */
  @Command(
      name = "image",
      mixinStandardHelpOptions = true,
      description = {
        "Generates an image (a one-frame video) from a text prompt, up to 2048x2048: generated",
        "at the native size of the nearest aspect ratio, then resized. .png or .jpg by extension."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora image \"a large yellow star on a navy background\" -o star.png",
        "  ./kinora image \"two red squares on a white background\" --size 1920x1080 -o wide.png"
      })
  static final class Image implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What the image shows.")
    String prompt;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        required = true,
        description =
            "Output image (.png or .jpg), watermarked, with a provenance record in its"
                + " metadata.")
    Path output;

    @Option(
        names = "--size",
        paramLabel = "WxH",
        defaultValue = ClipOptions.DEFAULT_SIZE,
        description = "Image size, up to 2048x2048 (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "0",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin GenerationOptions generation;

    @Option(
        names = "--n",
        paramLabel = "K",
        defaultValue = "1",
        description =
            "Variations: K images from seeds N, N+1, ... written as OUT-1.png ... OUT-K.png,"
                + " denoised in batches of up to "
                + IMAGE_BATCH
                + " (default: ${DEFAULT-VALUE}).")
    int variations;

    @Override
    public Integer call() throws Exception {
      Outputs.requireImage(output);
      Outputs.checkedVariations(variations);
      Canvas canvas = Canvas.parse(size);
      if (canvas.width() > MAX_IMAGE_SIDE || canvas.height() > MAX_IMAGE_SIDE) {
        throw new IllegalArgumentException(
            "--size " + canvas + " is larger than " + MAX_IMAGE_SIDE + "x" + MAX_IMAGE_SIDE);
      }
      PrintWriter err = spec.commandLine().getErr();
      PromptEnhancer.Enhanced enhanced = ModelSession.enhance(prompt, 0, generation, err);
      try (ModelSession session = ModelSession.open(generation)) {
        for (int first = 0; first < variations; first += IMAGE_BATCH) {
          int count = Math.min(IMAGE_BATCH, variations - first);
          TextToVideo.Request request =
              new TextToVideo.Request(
                  prompt,
                  canvas,
                  0,
                  ClipOptions.DEFAULT_FPS,
                  seed + first,
                  generation.steps,
                  generation.guidance,
                  generation.negative);
          List<TextToVideo.Result> results = session.generator.generate(request, enhanced, count);
          ProvenanceRecord record =
              ModelSession.record(generation, "image", prompt, enhanced, request.seed());
          for (int i = 0; i < count; i++) {
            Path file = variations == 1 ? output : Outputs.numbered(output, first + i + 1);
            TextToVideo.Result result = results.get(i);
            write(
                file,
                result.frames(),
                ClipOptions.DEFAULT_FPS,
                record.withSeed(request.seed() + i));
            spec.commandLine()
                .getOut()
                .printf(
                    "wrote %s: %s, generated at %s, seed %d%n",
                    file, canvas, result.nativeSize(), request.seed() + i);
          }
        }
      }
      return 0;
    }
  }

  /** {@code kinora animate}: an image becomes the first frame of a video. */
  @Command(
      name = "animate",
      mixinStandardHelpOptions = true,
      description = {
        "Animates an image: it becomes the first frame and the rest follows the prompt. Any",
        "image file and size: it is fitted to the model's nearest aspect ratio (--fit crop cuts",
        "the largest centred region, --fit pad adds black bars). Without --size the output takes",
        "the image's aspect ratio at the native size."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora animate photo.png \"the red circle moves to the right\" -o moving.mp4",
        "  ./kinora animate wide.jpg \"a blue square falls and bounces\" --fit pad --seconds 6"
            + " -o b.mp4"
      })
  static final class Animate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The first frame.")
    Path image;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "What happens next.")
    String prompt;

    @Mixin VideoOutput target;

    @Option(
        names = "--fit",
        paramLabel = "crop|pad",
        defaultValue = "crop",
        description = "How the image meets another aspect ratio (default: ${DEFAULT-VALUE}).")
    String fit;

    @Mixin ClipOptions clip;

    @Mixin GenerationOptions generation;

    @Override
    public Integer call() throws Exception {
      Path output = target.checked();
      Prompting.Fit how =
          switch (fit.toLowerCase(Locale.ROOT)) {
            case "crop" -> Prompting.Fit.CROP;
            case "pad" -> Prompting.Fit.PAD;
            default -> throw new IllegalArgumentException("--fit must be crop or pad, got " + fit);
          };
      Video input = VideoReader.read(image); // a clear error for unreadable files, before work
      RgbFrame first = input.frames().get(0);
      double fps = clip.fps();
      double seconds = ModelSession.seconds(prompt, clip, generation);
      PrintWriter err = spec.commandLine().getErr();
      PromptEnhancer.Enhanced enhanced = ModelSession.enhance(prompt, seconds, generation, err);
      try (ModelSession session = ModelSession.open(generation)) {
        boolean sized = spec.commandLine().getParseResult().hasMatchedOption("--size");
        Canvas size =
            sized
                ? clip.canvas()
                : NativeSize.nearest(
                    session.generator.nativeFormat().sizes(),
                    new Canvas(first.width(), first.height()));
        TextToVideo.Request request =
            new TextToVideo.Request(
                prompt,
                size,
                seconds,
                fps,
                clip.seed,
                generation.steps,
                generation.guidance,
                generation.negative);
        List<RgbFrame> natives =
            VideoPromptCommands.withProgress(
                session,
                "animate",
                seconds,
                p -> p.animate(first, how, request, enhanced.caption()));
        List<RgbFrame> frames =
            TextToVideo.resample(natives, session.generator.nativeFormat().fps(), request);
        write(
            output,
            frames,
            fps,
            ModelSession.record(generation, "animate", prompt, enhanced, request.seed()));
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "wrote %s: %s, %d frames at %s fps, starting from %s%n",
                output,
                size,
                frames.size(),
                WorldCommand.trim(fps),
                image);
      }
      return 0;
    }
  }
}
