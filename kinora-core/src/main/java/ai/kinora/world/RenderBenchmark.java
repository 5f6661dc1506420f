package ai.kinora.world;

import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how fast {@link SceneRenderer} turns varied random scenes into frames on the calling
 * thread, the way training renders them: one renderer per 4-second clip at 8 fps.
 *
 * <p>Scenes come from {@link SceneSampler} with {@link SceneSampler.Settings#defaults()}, except
 * that the wooden post and snow appear in half the scenes instead of rarely, so that every layer
 * weighs in even in a short run; backgrounds (night stars, the dusk gradient) and camera moves keep
 * their default mix. Sampling happens before the clock starts; building each clip's renderer
 * (background and star precomputation) is timed, because training pays for it too.
 */
public final class RenderBenchmark {

  /** Frames rendered, wall time taken, and the resulting rate. */
  public record Result(Canvas canvas, int frames, double seconds, double framesPerSecond) {

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%s: %d frames in %.3f s = %.1f frames/s",
          canvas,
          frames,
          seconds,
          framesPerSecond);
    }
  }

  static final double CLIP_SECONDS = 4.0;
  static final double FPS = 8.0;

  private static final double EXTRAS_PROBABILITY = 0.5;
  private static final int CLIP_FRAMES = SceneRenderer.frameCount(CLIP_SECONDS, FPS);

  /** Enough warm-up for the JIT to compile the hot loops before timing starts. */
  private static final int WARM_UP_PIXELS = 60_000_000;

  private static final int MIN_WARM_UP_FRAMES = 64;

  private static volatile long sink;

  private RenderBenchmark() {}

  /**
   * Renders {@code frames} frames (at least 1) at {@code canvas} after a warm-up and times them.
   */
  public static Result measure(Canvas canvas, int frames, long seed) {
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be at least 1, got " + frames);
    }
    int pixels = canvas.width() * canvas.height();
    int warmUp = Math.max(MIN_WARM_UP_FRAMES, Math.min(2_000, WARM_UP_PIXELS / pixels));
    run(canvas, scenes(warmUp, seed ^ 0x5741524DL), warmUp, seed);
    List<Scene> scenes = scenes(frames, seed);
    long start = System.nanoTime();
    long checksum = run(canvas, scenes, frames, seed);
    double seconds = (System.nanoTime() - start) / 1e9;
    // Publishing the checksum keeps the JIT from dropping the rendering as unused work.
    sink = checksum;
    return new Result(canvas, frames, seconds, frames / Math.max(seconds, 1e-9));
  }

  /** One scene per clip, enough clips for {@code frames} frames. */
  private static List<Scene> scenes(int frames, long seed) {
    SceneSampler.Settings settings =
        SceneSampler.Settings.defaults()
            .withDurations(Weighted.uniform(CLIP_SECONDS))
            .withExtras(EXTRAS_PROBABILITY, EXTRAS_PROBABILITY);
    SceneSampler sampler = new SceneSampler(settings, seed);
    int clips = (frames + CLIP_FRAMES - 1) / CLIP_FRAMES;
    List<Scene> out = new ArrayList<>(clips);
    for (int i = 0; i < clips; i++) {
      out.add(sampler.nextScene());
    }
    return out;
  }

  /** Renders clip after clip until {@code frames} frames are done; returns a pixel checksum. */
  private static long run(Canvas canvas, List<Scene> scenes, int frames, long seed) {
    long checksum = 0;
    int done = 0;
    for (int clip = 0; done < frames; clip++) {
      SceneRenderer renderer = new SceneRenderer(scenes.get(clip), canvas, seed + clip);
      for (int i = 0; i < CLIP_FRAMES && done < frames; i++, done++) {
        RgbFrame frame = renderer.renderFrame(i, FPS);
        checksum += frame.rgb()[(i * 7919) % frame.rgb().length];
      }
    }
    return checksum;
  }

  /** The layers a run of {@code frames} frames exercises, counted per clip (for reports). */
  static Map<String, Integer> layerCounts(int frames, long seed) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Scene scene : scenes(frames, seed)) {
      counts.merge("background " + scene.background().word(), 1, Integer::sum);
      counts.merge(
          "camera " + scene.camera().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      if (scene.occluder()) {
        counts.merge("post", 1, Integer::sum);
      }
      if (scene.snow()) {
        counts.merge("snow", 1, Integer::sum);
      }
    }
    return counts;
  }
}
