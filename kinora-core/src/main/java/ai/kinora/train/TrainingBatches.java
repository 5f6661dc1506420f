package ai.kinora.train;

import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training data as a pure function of (seed, step): step s draws its batch from a generator
 * seeded with {@link #stepSeed}(seed, s), so a run resumed at step s sees exactly the batches the
 * uninterrupted run would have. Every clip of a batch has one length: single images with
 * probability {@code imageFraction}, else {@code clipFrames} frames. An image step carries {@value
 * #IMAGES_PER_CLIP} times as many samples as a clip step: an image costs a ninth of a 9-frame clip,
 * and measured on Kinora World (docs/vae.md) the variety of scenes per step, not the pixels, is
 * what speeds learning.
 */
public final class TrainingBatches {

  /** One step's clips, all of one size and length. */
  public record Batch(List<List<RgbFrame>> clips) {
    public int frames() {
      return clips.get(0).size();
    }
  }

  private final VaeTrainingConfig config;
  private final ClipSource source;

  public TrainingBatches(VaeTrainingConfig config, ClipSource source) {
    this.config = config;
    this.source = source;
  }

  /** Images per clip slot of the batch on an image step. */
  public static final int IMAGES_PER_CLIP = 4;

  public Batch batch(long step) {
    SplittableRandom random = new SplittableRandom(stepSeed(config.seed(), step));
    boolean images = random.nextDouble() < config.imageFraction();
    int frames = images ? 1 : config.clipFrames();
    int size = images ? config.batch() * IMAGES_PER_CLIP : config.batch();
    List<List<RgbFrame>> clips = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      clips.add(source.clip(random.split(), frames, config.crop()));
    }
    return new Batch(clips);
  }

  /**
   * A well-mixed seed for step {@code step} of a run seeded {@code seed} (SplitMix64's finaliser).
   */
  public static long stepSeed(long seed, long step) {
    long z = seed * 0x9E3779B97F4A7C15L + step + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
