package ai.kinora.cli;

import ai.kinora.media.VideoWriter;
import ai.kinora.world.Canvas;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.ParsedPrompt;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneJson;
import ai.kinora.world.SceneRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinora world}: renders the ground-truth Kinora World clip of a prompt. */
@Command(
    name = "world",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the ground-truth Kinora World clip of a prompt.",
      "Output format follows the file extension: .mp4, .webm, .gif, .png (one frame) or a",
      "numbered pattern such as frames/f_%%04d.png."
    },
    subcommands = {WorldDatasetCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora world \"a small red circle moves to the right on a gray background\" -o c.mp4",
      "  ./kinora world \"a large blue star spins on a dusk background\" --size 1280x720 --seconds 6 -o s.webm",
      "  ./kinora world dataset --count 100 -o data/world"
    })
final class WorldCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Not required to picocli, which would otherwise demand them before `world dataset` too.
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PROMPT",
      description = "What the clip shows.")
  String prompt;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output video or image.")
  Path output;

  @Mixin ClipOptions clip;

  @Option(names = "--strict", description = "Refuse prompts with words Kinora cannot map.")
  boolean strict;

  @Option(names = "--show-scene", description = "Print the scene as JSON.")
  boolean showScene;

  @Override
  public Integer call() {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException(
          "give a prompt, e.g. kinora world \"a small red circle moves to the right\" -o c.mp4");
    }
    if (output == null) {
      throw new IllegalArgumentException("give an output file with -o, e.g. -o clip.mp4");
    }
    ParsedPrompt parsed = PromptParser.parse(prompt);
    if (!parsed.unmapped().isEmpty()) {
      String words = String.join(", ", parsed.unmapped());
      if (strict) {
        throw new IllegalArgumentException(
            "--strict: the prompt has words Kinora cannot map: " + words);
      }
      err().println("kinora: ignoring words Kinora cannot map: " + words);
    }
    Canvas canvas = clip.canvas();
    double fps = clip.fps();
    Scene scene = parsed.scene().withDuration(clip.secondsOr(parsed.scene().durationSeconds()));
    int frames = SceneRenderer.frameCount(scene.durationSeconds(), fps);
    SceneRenderer renderer = new SceneRenderer(scene, canvas, clip.seed);
    try (Progress progress = Progress.start("world", frames, "frames")) {
      VideoWriter.write(
          output,
          canvas.width(),
          canvas.height(),
          fps,
          frames,
          i -> renderer.renderFrame(i, fps),
          progress::step);
    }
    out().println("scene: " + Captioner.caption(scene, CaptionStyle.DESCRIPTIVE));
    if (showScene) {
      out().println(SceneJson.write(scene));
    }
    out()
        .printf(
            "wrote %s: %s, %d frame%s at %s fps (%.3g s)%n",
            output, canvas, frames, frames == 1 ? "" : "s", trim(fps), frames / fps);
    return 0;
  }

  static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
