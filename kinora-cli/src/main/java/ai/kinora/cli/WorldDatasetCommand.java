package ai.kinora.cli;

import ai.kinora.data.Manifest;
import ai.kinora.data.ManifestEntry;
import ai.kinora.media.VideoWriter;
import ai.kinora.world.Canvas;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneJson;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kinora world dataset}: writes random captioned Kinora World clips plus a manifest, in the
 * layout training accepts for any dataset.
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a dataset of random captioned Kinora World clips.",
      "N clips and a manifest.jsonl (file, captions in every style, scene JSON): the same",
      "layout training accepts for your own videos (file + captions).",
      "A duration of 0 in --seconds makes single images (one-frame PNGs)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora world dataset --count 1000 -o data/world",
      "  ./kinora world dataset --count 200 --size 128x128,160x96,96x160 --seconds 0,2,4 -o data/mixed"
    })
final class WorldDatasetCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", required = true, paramLabel = "N", description = "Number of clips.")
  int count;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Dataset folder (created; must not already hold a dataset).")
  Path output;

  @Option(
      names = "--size",
      split = ",",
      paramLabel = "WxH",
      description = "Frame sizes, drawn uniformly (default: ${DEFAULT-VALUE}).",
      defaultValue = ClipOptions.DEFAULT_SIZE)
  List<String> sizes;

  @Option(
      names = "--seconds",
      split = ",",
      paramLabel = "S",
      description = "Durations, drawn uniformly; 0 = one-frame image (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  List<Double> seconds;

  @Option(
      names = "--fps",
      paramLabel = "F",
      defaultValue = "8",
      description = "Frames per second (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "EXT",
      defaultValue = "mp4",
      description = "Video file format: mp4, webm or gif (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Clips rendered at once (default: the number of cores).")
  Integer threads;

  private record Job(int index, Scene scene, Canvas canvas, boolean image, long renderSeed) {}

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be at least 1, got " + count);
    }
    if (!List.of("mp4", "webm", "gif").contains(format)) {
      throw new IllegalArgumentException("--format must be mp4, webm or gif, got " + format);
    }
    if (!(fps > 0 && fps <= 120)) {
      throw new IllegalArgumentException("--fps must be more than 0 and at most 120, got " + fps);
    }
    if (Files.exists(output.resolve(Manifest.FILE_NAME))) {
      throw new IllegalArgumentException(
          output + " already holds a dataset (" + Manifest.FILE_NAME + "); choose another folder");
    }
    List<Canvas> canvases = sizes.stream().map(Canvas::parse).toList();
    for (double s : seconds) {
      if (!(s >= 0 && s <= 60)) {
        throw new IllegalArgumentException("--seconds values must be in [0, 60], got " + s);
      }
    }
    // An image is a scene that lasts exactly one frame, so its captions say so honestly.
    List<Double> durations = seconds.stream().map(s -> s == 0 ? 1 / fps : s).toList();
    SceneSampler sampler =
        new SceneSampler(
            SceneSampler.Settings.defaults()
                .withCanvases(Weighted.uniform(canvases.toArray(Canvas[]::new)))
                .withDurations(Weighted.uniform(durations.toArray(Double[]::new))),
            seed);
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SceneSampler.Sample sample = sampler.next();
      boolean image = SceneRenderer.frameCount(sample.scene().durationSeconds(), fps) == 1;
      jobs.add(new Job(i, sample.scene(), sample.canvas(), image, seed * 1_000_003L + i));
    }
    Files.createDirectories(output.resolve("clips"));
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
    List<ManifestEntry> entries = new ArrayList<>();
    try (Progress progress = Progress.start("dataset", count, "clips")) {
      List<Future<ManifestEntry>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  ManifestEntry entry = write(job);
                  progress.step();
                  return entry;
                }));
      }
      for (Future<ManifestEntry> f : futures) {
        entries.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Manifest.write(output, entries);
    out().printf("wrote %d clips and %s to %s%n", count, Manifest.FILE_NAME, output);
    return 0;
  }

  private ManifestEntry write(Job job) {
    String name = String.format("clips/%06d.%s", job.index(), job.image() ? "png" : format);
    SceneRenderer renderer = new SceneRenderer(job.scene(), job.canvas(), job.renderSeed());
    int frames = SceneRenderer.frameCount(job.scene().durationSeconds(), fps);
    VideoWriter.write(
        output.resolve(name),
        job.canvas().width(),
        job.canvas().height(),
        fps,
        frames,
        i -> renderer.renderFrame(i, fps),
        () -> {});
    Map<CaptionStyle, String> captions = Captioner.all(job.scene());
    List<String> styles = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (CaptionStyle style : CaptionStyle.values()) {
      styles.add(SceneJson.name(style));
      texts.add(captions.get(style));
    }
    return new ManifestEntry(name, texts, styles, Optional.of(job.scene()));
  }

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
