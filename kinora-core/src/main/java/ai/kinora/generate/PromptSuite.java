package ai.kinora.generate;

import ai.kinora.world.Camera;
import ai.kinora.world.Canvas;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.Motion;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-out prompts the text-to-video model is judged on: normal-style captions of random scenes
 * drawn from a seed no training run uses (training draws its scenes from the run's seed, 0 by
 * default, through a different generator), plus hand-written paraphrases in words and orders the
 * caption writer never produces.
 */
public final class PromptSuite {

  /** The seed of the held-out scenes. */
  public static final long HELD_OUT_SEED = 0x5EED_0F_7E57L;

  /** Hand-written prompts: synonyms, other word orders, several objects, cameras and extras. */
  public static final List<String> PARAPHRASES =
      List.of(
          "a small red ball rolls to the right over a gray background",
          "on a black background, a big blue box slides left",
          "a green triangle drifts upwards against a white backdrop",
          "a yellow star spins in the centre; the background is navy",
          "one purple circle falls and bounces on a dusk background",
          "an orange square moves down while the camera pans right, gray background",
          "a pink star goes around in a circle clockwise on a black background",
          "a tiny crimson cube moves left quickly on a white background",
          "a large violet ball grows on a night background",
          "two objects: a red circle moving right and a blue square moving left, gray background",
          "a green ball on the left stays still while a yellow triangle moves right, black"
              + " background",
          "snow falls on a navy background while a white star moves to the left");

  private PromptSuite() {}

  /** {@code count} normal-style captions of held-out random 4-second 128x128 scenes. */
  public static List<String> heldOut(int count) {
    SceneSampler sampler = heldOutScenes();
    List<String> prompts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      prompts.add(Captioner.caption(sampler.nextScene(), CaptionStyle.NORMAL));
    }
    return prompts;
  }

  /**
   * The prompts a training run samples at its checkpoints: {@code count} held-out captions, of
   * which, from 4 on, the last two are {@link #sideways()}, so that every checkpoint shows whether
   * the model tells left from right (random scenes rarely have a sideways mover among the first
   * few).
   */
  public static List<String> checkpointSamples(int count) {
    if (count < 4) {
      return heldOut(count);
    }
    List<String> prompts = new ArrayList<>(heldOut(count - 2));
    prompts.addAll(sideways());
    return prompts;
  }

  /**
   * Two held-out captions of one object moving sideways under a still camera: the first such scene
   * moving left and the first moving right in the held-out stream.
   */
  public static List<String> sideways() {
    SceneSampler sampler = heldOutScenes();
    String left = null;
    String right = null;
    for (int i = 0; i < 10_000 && (left == null || right == null); i++) {
      Scene scene = sampler.nextScene();
      if (scene.objects().size() == 1
          && scene.camera() == Camera.STATIC
          && scene.objects().getFirst().motion() instanceof Motion.Move move) {
        String caption = Captioner.caption(scene, CaptionStyle.NORMAL);
        if (move.direction() == Motion.Direction.LEFT && left == null) {
          left = caption;
        } else if (move.direction() == Motion.Direction.RIGHT && right == null) {
          right = caption;
        }
      }
    }
    if (left == null || right == null) {
      throw new IllegalStateException("no sideways movers among 10,000 held-out scenes");
    }
    return List.of(left, right);
  }

  private static SceneSampler heldOutScenes() {
    return new SceneSampler(
        SceneSampler.Settings.defaults()
            .withCanvases(Weighted.uniform(new Canvas(128, 128)))
            .withDurations(Weighted.uniform(4.0)),
        HELD_OUT_SEED);
  }

  /** The benchmark suite: 40 held-out captions and the paraphrases (52 prompts). */
  public static List<String> benchmark() {
    List<String> all = new ArrayList<>(heldOut(40));
    all.addAll(PARAPHRASES);
    return all;
  }
}
