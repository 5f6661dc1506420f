package ai.kinora.train;

import ai.kinora.media.RgbFrame;
import ai.kinora.vae.VaeConfig;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.CaptionWording;
import ai.kinora.world.Captioner;
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
 * The diffusion transformer's training data as a pure function of (seed, step), like {@link
 * TrainingBatches}: step s draws a bucket, then that many random Kinora World scenes of the
 * bucket's canvas and duration, renders each whole (a scene of S seconds is 1 + 8S frames, frame 0
 * at t = 0 and the last at t = S; an image is frame 0 of a 4-second scene), captions each in a
 * style drawn mostly descriptive (the Sora report's re-captioning; the prompt enhancer turns user
 * prompts into the same style), and draws each clip's frame-conditioning mask.
 */
public final class DitBatches {

  /**
   * One step's clips, all of one bucket, with captions and frame masks over latent frames; the
   * scenes they were rendered from (empty for a dataset folder).
   */
  public record Batch(
      DitBuckets.Bucket bucket,
      List<Scene> scenes,
      List<List<RgbFrame>> clips,
      List<String> captions,
      boolean[][] masks) {}

  /** Descriptive 80%, normal 10%, short 10%. */
  public static final Weighted<CaptionStyle> STYLES = styles();

  private final DitBuckets buckets;
  private final FrameMasks masks;
  private final int temporalPatch;
  private final long seed;
  private final CaptionedClips folder; // null: Kinora World
  private final boolean mirrorPairs;
  private final CaptionWording wording;

  /** Batches of Kinora World scenes, captioned in the directional wording. */
  public DitBatches(DitBuckets buckets, FrameMasks masks, int temporalPatch, long seed) {
    this(buckets, masks, temporalPatch, seed, null, false, CaptionWording.DIRECTIONAL);
  }

  /**
   * Batches of {@code folder}'s clips and captions (the captions as they are), or of Kinora World
   * when it is null; buckets and masks as for Kinora World. With {@code mirrorPairs}, a Kinora
   * World step's clips 1, 3, 5, ... are the mirror images ({@link Scene#mirrored()}) of clips 0, 2,
   * 4, ...: rendered with the same render seed, captioned in the same style, each with its own
   * frame mask. A step of one clip has no pair; a dataset folder's clips are never paired. Kinora
   * World captions are in {@code wording}.
   */
  public DitBatches(
      DitBuckets buckets,
      FrameMasks masks,
      int temporalPatch,
      long seed,
      CaptionedClips folder,
      boolean mirrorPairs,
      CaptionWording wording) {
    this.wording = wording;
    this.buckets = buckets;
    this.masks = masks;
    this.temporalPatch = temporalPatch;
    this.seed = seed;
    this.folder = folder;
    this.mirrorPairs = mirrorPairs;
  }

  public Batch batch(long step) {
    SplittableRandom random = new SplittableRandom(TrainingBatches.stepSeed(seed, step));
    DitBuckets.Bucket bucket = buckets.draw(random);
    double fps = buckets.fps();
    int frames = bucket.frames(fps);
    int latentFrames = VaeConfig.latentFrames(frames);
    if (folder != null) {
      List<List<RgbFrame>> clips = new ArrayList<>();
      List<String> captions = new ArrayList<>();
      boolean[][] held = new boolean[bucket.batch()][];
      for (int i = 0; i < bucket.batch(); i++) {
        CaptionedClips.Drawn d = folder.draw(random, frames, bucket.canvas(), fps);
        clips.add(d.frames());
        captions.add(d.caption());
        held[i] = masks.sample(latentFrames, temporalPatch, random);
      }
      return new Batch(bucket, List.of(), clips, captions, held);
    }
    double seconds = bucket.image() ? Scene.DEFAULT_SECONDS : bucket.seconds();
    SceneSampler sampler =
        new SceneSampler(
            SceneSampler.Settings.defaults()
                .withCanvases(Weighted.uniform(bucket.canvas()))
                .withDurations(Weighted.uniform(seconds)),
            random.nextLong());
    List<Scene> scenes = new ArrayList<>();
    List<List<RgbFrame>> clips = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    boolean[][] held = new boolean[bucket.batch()][];
    long renderSeed = 0;
    CaptionStyle style = null;
    for (int i = 0; i < bucket.batch(); i++) {
      boolean mirror = mirrorPairs && i % 2 == 1;
      Scene scene = mirror ? scenes.get(i - 1).mirrored() : sampler.nextScene();
      renderSeed = mirror ? renderSeed : random.nextLong();
      style = mirror ? style : STYLES.sample(random);
      SceneRenderer renderer = new SceneRenderer(scene, bucket.canvas(), renderSeed);
      List<RgbFrame> clip = new ArrayList<>(frames);
      for (int f = 0; f < frames; f++) {
        clip.add(renderer.renderFrame(f, fps));
      }
      scenes.add(scene);
      clips.add(clip);
      captions.add(Captioner.caption(scene, style, wording));
      held[i] = masks.sample(latentFrames, temporalPatch, random);
    }
    return new Batch(bucket, scenes, clips, captions, held);
  }

  private static Weighted<CaptionStyle> styles() {
    Map<CaptionStyle, Double> w = new LinkedHashMap<>();
    w.put(CaptionStyle.DESCRIPTIVE, 0.8);
    w.put(CaptionStyle.NORMAL, 0.1);
    w.put(CaptionStyle.SHORT, 0.1);
    return Weighted.of(w);
  }
}
