package ai.kinora.train;

import ai.kinora.vae.VaeConfig;
import ai.kinora.world.Canvas;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shapes the diffusion transformer trains on, Sora-style at native sizes: buckets of one canvas
 * and one duration (an image is a zero-second bucket: one frame), each with its own batch size so
 * that every step carries a similar number of tokens, drawn with fixed weights. Every clip of a
 * batch comes from one bucket, so the batch is one tensor.
 *
 * @param buckets the buckets
 * @param fps frames per second of every video bucket (the model's native rate)
 */
public record DitBuckets(List<Bucket> buckets, double fps) {

  /**
   * One shape: a canvas, a duration in seconds (0 = a single image), the clips per step, and the
   * relative weight with which steps draw it.
   */
  public record Bucket(Canvas canvas, double seconds, int batch, double weight) {
    public Bucket {
      if (canvas.width() % VaeConfig.SPATIAL_FACTOR != 0
          || canvas.height() % VaeConfig.SPATIAL_FACTOR != 0) {
        throw new IllegalArgumentException(
            "bucket canvas " + canvas + " must have sides that are multiples of 8");
      }
      if (!(seconds >= 0) || batch < 1 || !(weight > 0)) {
        throw new IllegalArgumentException(
            "bucket needs seconds >= 0, batch >= 1 and weight > 0, got "
                + seconds
                + ", "
                + batch
                + ", "
                + weight);
      }
    }

    public boolean image() {
      return seconds == 0;
    }

    /** Video frames of a clip at {@code fps}: 1 + fps * seconds, which must be 1 + 4k. */
    public int frames(double fps) {
      int frames = 1 + (int) Math.round(fps * seconds);
      VaeConfig.latentFrames(frames);
      return frames;
    }

    /** A short name such as "128x128 4s" or "224x128 image". */
    public String label() {
      return canvas + (image() ? " image" : " " + (int) seconds + "s");
    }
  }

  public DitBuckets {
    buckets = List.copyOf(buckets);
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("need at least one bucket");
    }
    if (!(fps > 0)) {
      throw new IllegalArgumentException("fps must be positive, got " + fps);
    }
    for (Bucket b : buckets) {
      b.frames(fps); // 1 + 4k frames, with a clear message otherwise
    }
  }

  /**
   * The default model's buckets at 8 fps: square 128x128 (mostly 4-second clips, the main job),
   * about 16:9 224x128 and 9:16 128x224, and images of each; about 1,100 to 1,200 tokens per step.
   */
  public static final DitBuckets DEFAULT =
      new DitBuckets(
          List.of(
              new Bucket(new Canvas(128, 128), 4, 2, 0.40),
              new Bucket(new Canvas(128, 128), 2, 4, 0.10),
              new Bucket(new Canvas(128, 128), 1, 6, 0.05),
              new Bucket(new Canvas(128, 128), 0, 16, 0.10),
              new Bucket(new Canvas(224, 128), 4, 1, 0.11),
              new Bucket(new Canvas(128, 224), 4, 1, 0.11),
              new Bucket(new Canvas(224, 128), 0, 10, 0.065),
              new Bucket(new Canvas(128, 224), 0, 10, 0.065)),
          8);

  /** Seconds-fast tests: 32x32 one-second clips and images. */
  public static final DitBuckets TINY =
      new DitBuckets(
          List.of(
              new Bucket(new Canvas(32, 32), 1, 2, 0.7), new Bucket(new Canvas(32, 32), 0, 4, 0.3)),
          8);

  /** Draws a bucket by weight. */
  public Bucket draw(SplittableRandom random) {
    double total = 0;
    for (Bucket b : buckets) {
      total += b.weight();
    }
    double u = random.nextDouble() * total;
    for (Bucket b : buckets) {
      u -= b.weight();
      if (u < 0) {
        return b;
      }
    }
    return buckets.get(buckets.size() - 1);
  }

  /** The aspect ratios trained, as canvases (one per distinct width:height). */
  public List<Canvas> canvases() {
    return buckets.stream().map(Bucket::canvas).distinct().toList();
  }
}
