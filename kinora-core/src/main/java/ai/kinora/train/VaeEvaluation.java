package ai.kinora.train;

import ai.kinora.eval.Fidelity;
import ai.kinora.media.RgbFrame;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Background;
import ai.kinora.world.Camera;
import ai.kinora.world.Canvas;
import ai.kinora.world.Motion;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Reconstruction quality of a VAE on a fixed, seeded held-out set of Kinora World scenes: 4-second
 * 8 fps clips (32 frames, padded to 33 inside the codec and trimmed back) at 128x128, 224x128
 * (about 16:9) and 128x224 (about 9:16), and single images at the same sizes. Each clip is encoded
 * and decoded whole-size; PSNR and SSIM ({@link Fidelity}) are averaged over the clips of a group.
 * The seed is not one training ever draws from the same way, so the scenes are unseen.
 */
public final class VaeEvaluation {

  /** The clip sizes evaluated. */
  public static final List<Canvas> SIZES =
      List.of(new Canvas(128, 128), new Canvas(224, 128), new Canvas(128, 224));

  public static final String IMAGES = "images";
  private static final long SEED = 0x4B494E4F5241L; // "KINORA"
  private static final double FPS = 8;
  private static final double SECONDS = 4;

  /**
   * One held-out clip, the group it is reported in (its size, or images) and, for clips, what it
   * shows ({@link #content}), or null.
   */
  public record Item(String group, List<RgbFrame> frames, String content) {}

  /** A group's averages over its clips. */
  public record Row(String group, int clips, double psnr, double ssim) {}

  /**
   * Every group, then the worst PSNR and SSIM over them; the clips again by content and along their
   * time axis (not part of the worst: breakdowns of what is hard).
   */
  public record Result(
      List<Row> rows,
      double worstPsnr,
      double worstSsim,
      List<Row> byContent,
      GroupPositions positions) {}

  /**
   * What a clip shows, hardest first: "snow", a "night sky" (its stars), "motion" (moving objects
   * or camera) or "still" (nothing moves).
   */
  public static String content(Scene scene) {
    if (scene.snow()) {
      return "snow";
    }
    if (scene.background() == Background.NIGHT) {
      return "night sky";
    }
    boolean moves = scene.camera() != Camera.STATIC;
    for (SceneObject o : scene.objects()) {
      moves |= o.motion().kind() != Motion.Kind.STILL;
    }
    return moves ? "motion" : "still";
  }

  private VaeEvaluation() {}

  /**
   * One held-out item before it is rendered: its group, scene, canvas, render seed, first frame and
   * number of frames (1 for an image).
   */
  public record Draw(String group, Scene scene, Canvas canvas, long seed, int start, int frames) {

    /** The item's frames, at 8 fps. */
    public List<RgbFrame> render() {
      return render(scene);
    }

    /** The same frames of another scene (e.g. this one without snow), with the same seed. */
    public List<RgbFrame> render(Scene other) {
      SceneRenderer renderer = new SceneRenderer(other, canvas, seed);
      List<RgbFrame> clip = new ArrayList<>(frames);
      for (int f = 0; f < frames; f++) {
        clip.add(renderer.renderFrame(start + f, FPS));
      }
      return clip;
    }
  }

  /** {@code clipsPerSize} clips and {@code imagesPerSize} images at each of {@link #SIZES}. */
  public static List<Item> heldOutSet(int clipsPerSize, int imagesPerSize) {
    List<Item> items = new ArrayList<>();
    for (Draw draw : heldOutDraws(clipsPerSize, imagesPerSize)) {
      items.add(
          new Item(
              draw.group(),
              draw.render(),
              draw.group().equals(IMAGES) ? null : content(draw.scene())));
    }
    return items;
  }

  /** The scenes and seeds of {@link #heldOutSet}, in its order. */
  public static List<Draw> heldOutDraws(int clipsPerSize, int imagesPerSize) {
    List<Draw> draws = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(SEED);
    for (Canvas canvas : SIZES) {
      SceneSampler sampler =
          new SceneSampler(
              SceneSampler.Settings.defaults()
                  .withCanvases(Weighted.uniform(canvas))
                  .withDurations(Weighted.uniform(SECONDS)),
              random.nextLong());
      for (int i = 0; i < clipsPerSize + imagesPerSize; i++) {
        Scene scene = sampler.nextScene();
        long seed = random.nextLong();
        boolean clip = i < clipsPerSize;
        int length = SceneRenderer.frameCount(SECONDS, FPS);
        draws.add(
            clip
                ? new Draw(canvas.toString(), scene, canvas, seed, 0, length)
                : new Draw(IMAGES, scene, canvas, seed, random.nextInt(length), 1));
      }
    }
    return draws;
  }

  /** The standard set of {@code kinora vae eval}: 6 clips and 4 images per size. */
  public static List<Item> standardSet() {
    return heldOutSet(6, 4);
  }

  /** Encodes and decodes every item and reports each group and the worst. */
  public static Result run(VideoVae vae, List<Item> items) {
    VaeCodec codec = new VaeCodec(vae);
    Map<String, double[]> sums = new LinkedHashMap<>(); // psnr, ssim, count
    Map<String, double[]> byContent = new TreeMap<>();
    GroupPositions positions = new GroupPositions();
    for (Item item : items) {
      List<RgbFrame> decoded = codec.decode(codec.encode(item.frames()));
      if (item.frames().size() > 1) {
        positions.add(item.frames(), decoded);
      }
      double psnr = Math.min(Fidelity.psnr(item.frames(), decoded), 100); // identical: 100 dB
      double ssim = Fidelity.ssim(item.frames(), decoded);
      add(sums, item.group(), psnr, ssim);
      if (item.content() != null) {
        add(byContent, item.content(), psnr, ssim);
      }
    }
    List<Row> rows = rows(sums);
    double worstPsnr = Double.POSITIVE_INFINITY;
    double worstSsim = Double.POSITIVE_INFINITY;
    for (Row row : rows) {
      worstPsnr = Math.min(worstPsnr, row.psnr());
      worstSsim = Math.min(worstSsim, row.ssim());
    }
    return new Result(rows, worstPsnr, worstSsim, rows(byContent), positions);
  }

  private static void add(Map<String, double[]> sums, String key, double psnr, double ssim) {
    double[] s = sums.computeIfAbsent(key, g -> new double[3]);
    s[0] += psnr;
    s[1] += ssim;
    s[2]++;
  }

  private static List<Row> rows(Map<String, double[]> sums) {
    List<Row> rows = new ArrayList<>();
    sums.forEach((key, s) -> rows.add(new Row(key, (int) s[2], s[0] / s[2], s[1] / s[2])));
    return rows;
  }
}
