package ai.kinora.cli;

import ai.kinora.generate.PromptingBench;
import ai.kinora.media.EncodeOptions;
import ai.kinora.media.Video;
import ai.kinora.media.VideoWriter;
import ai.kinora.nn.Precision;
import ai.kinora.world.Canvas;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kinora bench prompting}: every prompting mode on the model, measured against its target
 * ({@link PromptingBench}).
 */
@Command(
    name = "prompting",
    mixinStandardHelpOptions = true,
    description = {
      "Runs each prompting mode on Kinora World inputs at 128x128 and prints its figures against",
      "its target: the long video (objects present in >= 95%% of frames, same colour and shape;",
      "wall time and peak RSS, measured first), extend forward and backward and connect (joins",
      "within 1.5x the median frame change, new part >= 90%% of attributes), loop (last to first",
      "within 1.5x), animate (first frame >= 28 dB), edit of colour and of background (the change",
      "scored, trajectories within 5%% of the frame) and a three-card storyboard."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora bench prompting",
      "  ./kinora bench prompting --only loop,animate --videos runs/prompting"
    })
final class PromptingBenchCommand implements Callable<Integer> {

  static final List<String> MODES =
      List.of("minute", "extend", "connect", "loop", "animate", "edit", "storyboard");

  @Spec CommandSpec spec;

  @Mixin GenerationOptions generation;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Length of the long video (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  double seconds;

  @Option(
      names = "--strength",
      paramLabel = "s",
      description = "SDEdit strength of the edits (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.6")
  double strength;

  @Option(
      names = "--only",
      paramLabel = "MODES",
      split = ",",
      description = "Only these of: minute, extend, connect, loop, animate, edit, storyboard.")
  List<String> only;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: 0).")
  long seed;

  @Option(names = "--videos", paramLabel = "DIR", description = "Also write the videos here.")
  Path videos;

  @Override
  public Integer call() throws Exception {
    Set<String> modes = Set.copyOf(only == null ? MODES : only);
    for (String m : modes) {
      if (!MODES.contains(m)) {
        throw new IllegalArgumentException(
            "unknown mode \"" + m + "\" for --only; choose from " + String.join(", ", MODES));
      }
    }
    ClipOptions.checkedSeconds(seconds);
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be in [0, 1], got " + strength);
    }
    if (videos != null) {
      Files.createDirectories(videos);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "prompting modes, 128x128 at 8 fps, %d steps, guidance %.1f, seed %d%s, products in %s%n",
        generation.steps,
        generation.guidance,
        seed,
        generation.negative == null || generation.negative.isBlank()
            ? ""
            : ", negative \"" + generation.negative + "\"",
        Precision.current());
    int passed = 0;
    int run = 0;
    try (ModelSession session = ModelSession.open(generation)) {
      PromptingBench bench =
          new PromptingBench(
              session.generator,
              new Canvas(128, 128),
              generation.steps,
              generation.guidance,
              seed,
              generation.negative);
      List<Supplier<PromptingBench.Case>> cases = new ArrayList<>();
      // The long video first, so that the peak RSS after it is its own (with the models loaded).
      add(cases, modes, "minute", () -> bench.minute(seconds));
      add(cases, modes, "extend", () -> bench.extend(false));
      add(cases, modes, "extend", () -> bench.extend(true));
      add(cases, modes, "connect", bench::connect);
      add(cases, modes, "loop", bench::loop);
      add(cases, modes, "animate", bench::animate);
      String source = PromptingBench.EDIT_SOURCE;
      add(cases, modes, "edit", () -> bench.edit(source, PromptingBench.EDIT_COLOUR, strength));
      add(cases, modes, "edit", () -> bench.edit(source, PromptingBench.EDIT_BACKGROUND, strength));
      add(cases, modes, "storyboard", bench::storyboard);
      for (Supplier<PromptingBench.Case> next : cases) {
        long start = System.nanoTime();
        PromptingBench.Case c = next.get();
        double wall = (System.nanoTime() - start) / 1e9;
        run++;
        passed += c.passed() ? 1 : 0;
        out.printf(
            Locale.ROOT,
            "%s: %s (%.1f s)%n  prompt: %s%n",
            c.mode(),
            c.passed() ? "PASS" : "FAIL",
            wall,
            c.prompt());
        for (String f : c.figures()) {
          out.println("  " + f);
        }
        if (c.mode().endsWith(" s")) {
          out.printf("  peak RSS of the process so far: %d MB%n", BenchEnvironment.peakRssMb());
        }
        if (videos != null) {
          Path file = videos.resolve(String.format("%02d-%s.mp4", run, c.mode().split(" ")[0]));
          VideoWriter.write(file, new Video(c.frames(), 8), EncodeOptions.DEFAULT);
          out.println("  wrote " + file);
        }
        out.flush();
      }
    }
    out.printf("cases passed: %d/%d%n", passed, run);
    return 0;
  }

  private static void add(
      List<Supplier<PromptingBench.Case>> cases,
      Set<String> modes,
      String mode,
      Supplier<PromptingBench.Case> c) {
    if (modes.contains(mode)) {
      cases.add(c);
    }
  }
}
