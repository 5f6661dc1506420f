package ai.kinora.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kinora bench generate}: the end-to-end speed of text to video from the command line. Each
 * run is a fresh process, started the way a user starts it (the {@code kinora} launcher when it is
 * there, else the same JVM command as this one), timed from process start to exit, after the MP4 is
 * written; the per-stage times and peak RSS are the ones the process reports.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end speed of ./kinora generate for a 4-second 128x128 8 fps clip: each run a",
      "fresh process (JVM start to MP4 written), with its per-stage times and peak RSS, and",
      "the median against real time (4 s)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  ./kinora bench generate", "  ./kinora bench generate --runs 5 --steps 8"})
final class GenerateBenchCommand implements Callable<Integer> {

  static final String PROMPT = "a small red circle moves to the right on a gray background";

  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Timed runs, after one untimed warm-up run (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Denoising steps (default: the generate command's).")
  Integer steps;

  @Option(names = "--model", paramLabel = "DIR", description = "Text encoder + DiT folder.")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE folder.")
  Path vae;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("kinora-bench");
    try {
      List<String> command = command(dir.resolve("bench.mp4"));
      out.printf("text to video, 4 s 128x128 at 8 fps, %s%n", BenchEnvironment.describe());
      out.println("command: " + String.join(" ", command));
      out.flush();
      run(command); // warm-up: page cache, not counted
      List<Double> walls = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        String report = run(command);
        double wall = (System.nanoTime() - start) / 1e9;
        walls.add(wall);
        out.printf(Locale.ROOT, "run %d: wall %.2f s; %s%n", i + 1, wall, timeLine(report));
        out.flush();
      }
      double[] sorted = walls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = sorted[sorted.length / 2];
      out.printf(
          Locale.ROOT,
          "median wall %.2f s for a 4.00 s clip: %s real time (%.2fx)%n",
          median,
          median < 4 ? "faster than" : "slower than",
          4 / median);
      return 0;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private List<String> command(Path output) {
    List<String> c = new ArrayList<>();
    String home = System.getProperty("kinora.home");
    Path launcher = home == null ? null : Path.of(home).resolve("kinora");
    if (launcher != null && Files.isExecutable(launcher)) {
      c.add(launcher.toString());
    } else {
      c.add(ProcessHandle.current().info().command().orElse("java"));
      c.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      c.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    c.addAll(
        List.of(
            "generate", PROMPT, "-o", output.toString(), "--seconds", "4", "--size", "128x128"));
    c.addAll(List.of("--fps", "8"));
    if (steps != null) {
      c.addAll(List.of("--steps", steps.toString()));
    }
    if (model != null) {
      c.addAll(List.of("--model", model.toString()));
    }
    if (vae != null) {
      c.addAll(List.of("--vae", vae.toString()));
    }
    return c;
  }

  /** Runs the command to its end; its output, or an error with it when it failed. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("kinora generate did not finish in 10 minutes");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "kinora generate failed (exit " + p.exitValue() + "):\n" + text.strip());
    }
    return text;
  }

  /** The "time: ..." line the generate command prints. */
  static String timeLine(String report) {
    return Arrays.stream(report.split("\n"))
        .filter(l -> l.startsWith("time: "))
        .map(l -> l.substring("time: ".length()).strip())
        .findFirst()
        .orElse("(no per-stage times reported)");
  }
}
