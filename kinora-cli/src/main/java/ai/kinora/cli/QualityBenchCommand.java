package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.eval.ScoreReport;
import ai.kinora.eval.Scorer;
import ai.kinora.eval.SuiteSummary;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.PromptSuite;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.EncodeOptions;
import ai.kinora.media.Video;
import ai.kinora.media.VideoWriter;
import ai.kinora.nn.Precision;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import ai.kinora.world.SceneRenderer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kinora bench quality}: how well generated videos follow their prompts, judged by the
 * scorer on the held-out prompt suite ({@link PromptSuite#benchmark}).
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a 4-second 128x128 clip for each of the 52 held-out prompts (40 captions of",
      "held-out random scenes in the normal style and 12 hand-written paraphrases) and scores",
      "each against its prompt: attributes passed, left/right motions right, per attribute."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora bench quality",
      "  ./kinora bench quality --videos runs/quality",
      "  ./kinora bench quality --vae-only --vae runs/vae/model"
    })
final class QualityBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--prompts",
      paramLabel = "N",
      description = "Only the first N prompts of the suite (default: all).")
  Integer prompts;

  @Mixin GenerationOptions generation;

  @Option(names = "--videos", paramLabel = "DIR", description = "Also write the videos here.")
  Path videos;

  @Option(
      names = "--vae-only",
      description = {
        "Score the VAE's reconstruction of each prompt's rendered scene instead of a generation:",
        "the ceiling this VAE puts on any model (needs no DiT)."
      })
  boolean vaeOnly;

  @Override
  public Integer call() throws Exception {
    List<String> suite = PromptSuite.benchmark();
    if (prompts != null) {
      if (prompts < 1) {
        throw new IllegalArgumentException("--prompts must be at least 1, got " + prompts);
      }
      suite = suite.subList(0, Math.min(prompts, suite.size()));
    }
    if (videos != null) {
      Files.createDirectories(videos);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%s, %d prompts, 4 s 128x128%s, products in %s%n",
        vaeOnly ? "the VAE's reconstructions of the rendered prompts" : "prompt following",
        suite.size(),
        vaeOnly
            ? ""
            : String.format(
                Locale.ROOT, ", %d steps, guidance %.1f", generation.steps, generation.guidance),
        Precision.current());
    SuiteSummary summary = new SuiteSummary();
    Scorer scorer = new Scorer();
    try (Clips clips = vaeOnly ? Clips.reconstructed(generation) : Clips.generated(generation);
        Progress progress = Progress.start("bench quality", suite.size(), "videos")) {
      for (int i = 0; i < suite.size(); i++) {
        String prompt = suite.get(i);
        PromptEnhancer.Enhanced enhanced = PromptEnhancer.enhance(prompt, 4);
        Video video = clips.make(prompt, enhanced, i);
        ScoreReport report = scorer.score(video, enhanced.scene());
        summary.add(report);
        if (videos != null) {
          VideoWriter.write(
              videos.resolve(String.format("%02d.mp4", i)), video, EncodeOptions.DEFAULT);
        }
        out.printf("%2d %2d/%2d %s%n", i, report.passed(), report.judged(), prompt);
        for (ScoreReport.Verdict failure : report.failures()) {
          out.printf(
              "      failed: %s %s: expected %s, saw %s%n",
              failure.subject(), failure.attribute(), failure.expected(), failure.observed());
        }
        out.flush();
        progress.step();
      }
    }
    out.println(summary);
    out.println(summary.toTable());
    return 0;
  }

  /** Where each prompt's 4 s 128x128 8 fps clip comes from: the model, or the VAE alone. */
  private interface Clips extends AutoCloseable {

    /** The clip for prompt {@code index} of the suite (its seed). */
    Video make(String prompt, PromptEnhancer.Enhanced enhanced, int index);

    @Override
    void close();

    static Clips generated(GenerationOptions generation) throws Exception {
      ModelSession session = ModelSession.open(generation);
      return new Clips() {
        @Override
        public Video make(String prompt, PromptEnhancer.Enhanced enhanced, int index) {
          TextToVideo.Request request =
              new TextToVideo.Request(
                  prompt,
                  new Canvas(128, 128),
                  4,
                  8,
                  index,
                  generation.steps,
                  generation.guidance,
                  generation.negative);
          TextToVideo.Result result = session.generator.generate(request, enhanced);
          return new Video(result.frames(), result.fps());
        }

        @Override
        public void close() {
          session.close();
        }
      };
    }

    static Clips reconstructed(GenerationOptions generation) throws Exception {
      NDManager manager = NDManager.newBaseManager();
      VideoVae vae;
      try {
        vae = VideoVae.load(manager, ModelPaths.vae(generation.vae));
      } catch (Exception e) {
        manager.close();
        throw e;
      }
      VaeCodec codec = new VaeCodec(vae);
      return new Clips() {
        @Override
        public Video make(String prompt, PromptEnhancer.Enhanced enhanced, int index) {
          Video truth = SceneRenderer.renderClip(enhanced.scene(), new Canvas(128, 128), 8, index);
          return new Video(codec.decode(codec.encode(truth.frames())), truth.fps());
        }

        @Override
        public void close() {
          vae.close();
          manager.close();
        }
      };
    }
  }
}
