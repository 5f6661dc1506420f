package ai.kinora.cli;

import ai.kinora.world.Canvas;
import ai.kinora.world.RenderBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kinora bench}: benchmarks that print the figures recorded in the docs. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print the figures recorded in docs/benchmarks.md.",
    subcommands = {
      BenchCommand.Render.class,
      VaeBenchCommand.class,
      GenerateBenchCommand.class,
      QualityBenchCommand.class,
      PromptingBenchCommand.class
    })
final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code kinora bench render}: Kinora World rendering speed on one core. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = "Kinora World rendering speed on one core (frames/s at 128x128 and 1280x720).")
  static final class Render implements Callable<Integer> {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--frames",
        paramLabel = "N",
        defaultValue = "20000",
        description =
            "Frames rendered at 128x128; a tenth of that at larger sizes (default: ${DEFAULT-VALUE}).")
    int frames;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      out.printf("Kinora World rendering, one thread, %s%n", BenchEnvironment.describe());
      out.printf("%-10s %8s %10s %12s%n", "size", "frames", "seconds", "frames/s");
      for (Canvas canvas : List.of(new Canvas(128, 128), new Canvas(1280, 720))) {
        int n = canvas.width() <= 128 ? frames : Math.max(10, frames / 10);
        RenderBenchmark.Result r = RenderBenchmark.measure(canvas, n, 1);
        out.printf(
            "%-10s %8d %10.2f %12.1f%n", canvas, r.frames(), r.seconds(), r.framesPerSecond());
      }
      out.flush();
      return 0;
    }
  }
}
