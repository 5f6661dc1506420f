package ai.kinora.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.kinora.eval.Fidelity;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.Step;
import ai.kinora.vae.Latents;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoTensors;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kinora bench vae}: the VAE's encode and decode throughput at 128x128 and the peak memory
 * of a 60-second round trip.
 */
@Command(
    name = "vae",
    mixinStandardHelpOptions = true,
    description = {
      "VAE speed and memory: first the peak RSS (VmHWM, the whole process) of a chunked round",
      "trip of a 60-second 128x128 8 fps Kinora World clip, then encode and decode frames/s of a",
      "33-frame 128x128 clip (median of 5 after one warm-up run)."
    })
final class VaeBenchCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--weights",
      paramLabel = "DIR",
      description = "VAE folder; default: models/vae, or random DEFAULT weights if absent.")
  Path weights;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "60",
      description = "Length of the round-trip clip (default: ${DEFAULT-VALUE}).")
  double seconds;

  private static final double FPS = 8;
  private static final int RUNS = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = ModelPaths.vae(weights);
    try (NDManager manager = NDManager.newBaseManager();
        VideoVae vae = load(manager, dir, out)) {
      out.printf("VAE benchmark, %s%n", BenchEnvironment.describe());
      out.flush();
      Canvas canvas = new Canvas(128, 128);
      Scene scene =
          new SceneSampler(
                  SceneSampler.Settings.defaults()
                      .withCanvases(Weighted.uniform(canvas))
                      .withDurations(Weighted.uniform(seconds)),
                  7)
              .nextScene();
      SceneRenderer renderer = new SceneRenderer(scene, canvas, 7);
      int frames = SceneRenderer.frameCount(seconds, FPS);

      VaeCodec codec = new VaeCodec(vae);
      long start = System.nanoTime();
      Latents latents = codec.encode(rendered(renderer, frames));
      double[] mse = new double[1];
      int[] index = {0};
      codec.decode(latents, f -> mse[0] += Fidelity.mse(renderer.renderFrame(index[0]++, FPS), f));
      double wall = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "round trip %.0f s at 128x128 %.0f fps (%d frames, chunks of %d frames): %.1f s,"
              + " PSNR %.2f dB, peak RSS %d MB%n",
          seconds,
          FPS,
          frames,
          VaeCodec.DEFAULT_CHUNK * VaeConfig.TEMPORAL_FACTOR,
          wall,
          Fidelity.psnrOf(mse[0] / frames),
          BenchEnvironment.peakRssMb());
      out.flush();

      List<RgbFrame> clip = new ArrayList<>();
      for (int i = 0; i < 33; i++) {
        clip.add(renderer.renderFrame(i, FPS));
      }
      double[] encode = new double[RUNS];
      double[] decode = new double[RUNS];
      for (int r = -1; r < RUNS; r++) {
        try (Step step = vae.step()) {
          NDArray video = VideoTensors.fromFrames(step.manager(), clip); // (1, 3, 33, 128, 128)
          long t0 = System.nanoTime();
          NDArray z = vae.encode(video);
          z.toFloatArray();
          long t1 = System.nanoTime();
          VideoTensors.toFrames(vae.decode(z));
          long t2 = System.nanoTime();
          if (r >= 0) {
            encode[r] = (t1 - t0) / 1e9;
            decode[r] = (t2 - t1) / 1e9;
          }
        }
      }
      java.util.Arrays.sort(encode);
      java.util.Arrays.sort(decode);
      double e = encode[RUNS / 2];
      double d = decode[RUNS / 2];
      out.printf(
          Locale.ROOT, "encode 33 frames 128x128: %.0f ms (%.0f frames/s)%n", e * 1000, 33 / e);
      out.printf(
          Locale.ROOT, "decode 33 frames 128x128: %.0f ms (%.0f frames/s)%n", d * 1000, 33 / d);
      out.flush();
    }
    return 0;
  }

  private static VideoVae load(NDManager manager, Path dir, PrintWriter out) throws IOException {
    if (Files.isDirectory(dir)) {
      out.printf("weights: %s%n", dir);
      return VideoVae.load(manager, dir);
    }
    out.printf("weights: none at %s, so random DEFAULT weights (speed is the same)%n", dir);
    return new VideoVae(manager, VaeConfig.DEFAULT);
  }

  private static Iterator<RgbFrame> rendered(SceneRenderer renderer, int frames) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < frames;
      }

      @Override
      public RgbFrame next() {
        return renderer.renderFrame(next++, FPS);
      }
    };
  }
}
