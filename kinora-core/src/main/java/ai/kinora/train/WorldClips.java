package ai.kinora.train;

import ai.kinora.media.RgbFrame;
import ai.kinora.world.Canvas;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training clips rendered from random Kinora World scenes on the fly: every background, object,
 * motion, camera and extra the world has, on canvases of several sizes and aspect ratios (square,
 * about 16:9 and about 9:16, small and large), scenes of 1 to 8 seconds at 8 fps mostly (16 and 24
 * fps sometimes, for smaller motion per frame), a window of the requested length starting anywhere
 * in the scene, and a random square crop. Rendering costs well under a millisecond per frame.
 */
public final class WorldClips implements ClipSource {

  /** The canvases drawn from (those at least as large as the crop). */
  public static final List<Canvas> CANVASES =
      List.of(
          new Canvas(128, 128),
          new Canvas(224, 128),
          new Canvas(128, 224),
          new Canvas(96, 96),
          new Canvas(160, 96),
          new Canvas(96, 160),
          new Canvas(192, 192),
          new Canvas(256, 144),
          new Canvas(144, 256));

  private static final Weighted<Double> FPS = fps();
  private static final Weighted<Double> SECONDS = Weighted.uniform(1.0, 2.0, 4.0, 8.0);

  @Override
  public List<RgbFrame> clip(SplittableRandom random, int frames, int crop) {
    List<Canvas> fitting = CANVASES.stream().filter(c -> c.minSide() >= crop).toList();
    if (fitting.isEmpty()) {
      throw new IllegalArgumentException("crop " + crop + " is larger than every training canvas");
    }
    Canvas canvas = fitting.get(random.nextInt(fitting.size()));
    double fps = FPS.sample(random);
    double seconds = Math.max(SECONDS.sample(random), frames / fps);
    SceneSampler sampler =
        new SceneSampler(
            SceneSampler.Settings.defaults()
                .withCanvases(Weighted.uniform(canvas))
                .withDurations(Weighted.uniform(seconds)),
            random.nextLong());
    SceneRenderer renderer = new SceneRenderer(sampler.nextScene(), canvas, random.nextLong());
    int available = SceneRenderer.frameCount(seconds, fps);
    int start = random.nextInt(Math.max(1, available - frames + 1));
    int x0 = random.nextInt(canvas.width() - crop + 1);
    int y0 = random.nextInt(canvas.height() - crop + 1);
    List<RgbFrame> clip = new ArrayList<>(frames);
    for (int i = 0; i < frames; i++) {
      clip.add(Crops.crop(renderer.renderFrame(start + i, fps), x0, y0, crop, crop));
    }
    return clip;
  }

  @Override
  public String describe() {
    return "kinora world";
  }

  private static Weighted<Double> fps() {
    Map<Double, Double> w = new LinkedHashMap<>();
    w.put(8.0, 0.7);
    w.put(16.0, 0.15);
    w.put(24.0, 0.15);
    return Weighted.of(w);
  }
}
