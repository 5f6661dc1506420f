package ai.kinora.train;

import ai.kinora.eval.Fidelity;
import ai.kinora.media.RgbFrame;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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

  /** One held-out clip and the group it is reported in. */
  public record Item(String group, List<RgbFrame> frames) {}

  /** A group's averages over its clips. */
  public record Row(String group, int clips, double psnr, double ssim) {}

  /** Every group, then the worst PSNR and SSIM over them. */
  public record Result(List<Row> rows, double worstPsnr, double worstSsim) {}

  private VaeEvaluation() {}

  /** {@code clipsPerSize} clips and {@code imagesPerSize} images at each of {@link #SIZES}. */
  public static List<Item> heldOutSet(int clipsPerSize, int imagesPerSize) {
    List<Item> items = new ArrayList<>();
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
        SceneRenderer renderer = new SceneRenderer(scene, canvas, random.nextLong());
        int frames = i < clipsPerSize ? SceneRenderer.frameCount(SECONDS, FPS) : 1;
        int start = i < clipsPerSize ? 0 : random.nextInt(SceneRenderer.frameCount(SECONDS, FPS));
        List<RgbFrame> clip = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
          clip.add(renderer.renderFrame(start + f, FPS));
        }
        items.add(new Item(i < clipsPerSize ? canvas.toString() : IMAGES, clip));
      }
    }
    return items;
  }

  /** The standard set of {@code kinora vae eval}: 6 clips and 4 images per size. */
  public static List<Item> standardSet() {
    return heldOutSet(6, 4);
  }

  /** Encodes and decodes every item and reports each group and the worst. */
  public static Result run(VideoVae vae, List<Item> items) {
    VaeCodec codec = new VaeCodec(vae);
    Map<String, double[]> sums = new LinkedHashMap<>(); // psnr, ssim, count
    for (Item item : items) {
      List<RgbFrame> decoded = codec.decode(codec.encode(item.frames()));
      double[] s = sums.computeIfAbsent(item.group(), g -> new double[3]);
      s[0] += Math.min(Fidelity.psnr(item.frames(), decoded), 100); // identical frames: 100 dB
      s[1] += Fidelity.ssim(item.frames(), decoded);
      s[2]++;
    }
    List<Row> rows = new ArrayList<>();
    double worstPsnr = Double.POSITIVE_INFINITY;
    double worstSsim = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      Row row = new Row(e.getKey(), (int) s[2], s[0] / s[2], s[1] / s[2]);
      rows.add(row);
      worstPsnr = Math.min(worstPsnr, row.psnr());
      worstSsim = Math.min(worstSsim, row.ssim());
    }
    return new Result(rows, worstPsnr, worstSsim);
  }
}
