package ai.kinora.world;

import static ai.kinora.world.SceneRendererTest.obj;
import static ai.kinora.world.SceneRendererTest.scene;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import org.junit.jupiter.api.Test;

/**
 * Tests that {@link Scene#mirrored()} is the scene's horizontal mirror image, in pixels and words.
 */
class SceneMirrorTest {

  private static final Canvas CANVAS = new Canvas(96, 64);

  @Test
  void aMirroredSceneRendersAsTheFlippedFrames() {
    Scene s =
        scene(
            Background.GRAY,
            Camera.PAN_LEFT,
            true,
            false,
            obj(
                Colour.RED,
                Shape.SQUARE,
                ObjectSize.MEDIUM,
                Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL),
                Anchor.TOP_LEFT),
            obj(
                Colour.BLUE,
                Shape.TRIANGLE,
                ObjectSize.SMALL,
                Motion.orbit(Motion.Turn.CLOCKWISE),
                Anchor.RIGHT),
            obj(Colour.GREEN, Shape.CIRCLE, ObjectSize.LARGE, Motion.FALL_AND_BOUNCE, Anchor.TOP));
    Scene m = s.mirrored();
    assertEquals(Camera.PAN_RIGHT, m.camera());
    assertEquals(Anchor.TOP_RIGHT, m.objects().get(0).start());
    assertEquals(
        Motion.move(Motion.Direction.LEFT, Motion.Speed.NORMAL), m.objects().get(0).motion());
    assertEquals(Motion.orbit(Motion.Turn.COUNTERCLOCKWISE), m.objects().get(1).motion());
    assertEquals(Anchor.LEFT, m.objects().get(1).start());
    assertEquals(s, m.mirrored(), "mirroring twice gives the scene back");
    SceneRenderer a = new SceneRenderer(s, CANVAS, 3);
    SceneRenderer b = new SceneRenderer(m, CANVAS, 3);
    double unflipped = 0;
    for (int f = 0; f <= 32; f += 4) {
      RgbFrame frame = a.renderFrame(f, 8);
      RgbFrame mirror = b.renderFrame(f, 8);
      // Anti-aliased edges may round differently on the two sides: below 1 level per value.
      assertTrue(flip(frame).meanAbsoluteError(mirror) < 1.0, "frame " + f);
      unflipped += frame.meanAbsoluteError(mirror);
    }
    assertTrue(unflipped > 10, "the scene is not its own mirror: " + unflipped);
  }

  @Test
  void aMirroredCaptionSwapsOnlyTheDirections() {
    Scene s =
        scene(
            Background.NAVY,
            Camera.STATIC,
            false,
            false,
            obj(
                Colour.YELLOW,
                Shape.STAR,
                ObjectSize.SMALL,
                Motion.move(Motion.Direction.LEFT, Motion.Speed.QUICKLY),
                Anchor.BOTTOM_RIGHT));
    String caption = Captioner.caption(s, CaptionStyle.DESCRIPTIVE);
    String mirrored = Captioner.caption(s.mirrored(), CaptionStyle.DESCRIPTIVE);
    String swapped = caption.replace("left", "\0").replace("right", "left").replace("\0", "right");
    assertEquals(swapped, mirrored);
    // Sampled scenes mirror into valid scenes (the constructor's checks) of the same kind.
    SceneSampler sampler = new SceneSampler(SceneSampler.Settings.defaults(), 11);
    for (int i = 0; i < 200; i++) {
      Scene scene = sampler.nextScene();
      Scene mirror = scene.mirrored();
      assertEquals(scene.objects().size(), mirror.objects().size());
      assertEquals(scene, mirror.mirrored());
    }
  }

  /** The caption's words, counted, order ignored: what a bag-of-words reader sees. */
  private static java.util.Map<String, Long> bag(String caption) {
    return java.util.Arrays.stream(caption.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+"))
        .collect(
            java.util.stream.Collectors.groupingBy(
                w -> w, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }

  @Test
  void onlyTheDirectionalWordingTellsASidewaysMoveFromItsMirrorByItsWords() {
    // starts on the left, moves right; its mirror starts on the right, moves left
    SceneObject circle =
        obj(
            Colour.RED,
            Shape.CIRCLE,
            ObjectSize.SMALL,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL),
            Anchor.LEFT);
    Scene s = scene(Background.GRAY, Camera.PAN_LEFT, false, false, circle);
    String original = Captioner.caption(s, CaptionStyle.DESCRIPTIVE, CaptionWording.ORIGINAL);
    String originalMirror =
        Captioner.caption(s.mirrored(), CaptionStyle.DESCRIPTIVE, CaptionWording.ORIGINAL);
    assertNotEquals(original, originalMirror);
    assertNotEquals(bag(original), bag(originalMirror), "the camera pan still differs");
    String directional = Captioner.caption(s, CaptionStyle.DESCRIPTIVE, CaptionWording.DIRECTIONAL);
    String directionalMirror =
        Captioner.caption(s.mirrored(), CaptionStyle.DESCRIPTIVE, CaptionWording.DIRECTIONAL);
    assertTrue(directional.contains("moves rightward"), directional);
    assertTrue(directional.contains("pans leftward"), directional);
    // Without the pan, the original wording's two captions are one bag of words.
    Scene still = scene(Background.GRAY, Camera.STATIC, false, false, circle);
    assertEquals(
        bag(Captioner.caption(still, CaptionStyle.DESCRIPTIVE, CaptionWording.ORIGINAL)),
        bag(
            Captioner.caption(
                still.mirrored(), CaptionStyle.DESCRIPTIVE, CaptionWording.ORIGINAL)));
    assertNotEquals(
        bag(Captioner.caption(still, CaptionStyle.DESCRIPTIVE, CaptionWording.DIRECTIONAL)),
        bag(
            Captioner.caption(
                still.mirrored(), CaptionStyle.DESCRIPTIVE, CaptionWording.DIRECTIONAL)));
    assertEquals(PromptParser.parse(original).scene(), PromptParser.parse(directional).scene());
    assertEquals(
        PromptParser.parse(originalMirror).scene(), PromptParser.parse(directionalMirror).scene());
  }

  private static RgbFrame flip(RgbFrame frame) {
    int w = frame.width();
    byte[] out = new byte[frame.rgb().length];
    for (int y = 0; y < frame.height(); y++) {
      for (int x = 0; x < w; x++) {
        System.arraycopy(frame.rgb(), (y * w + x) * 3, out, (y * w + (w - 1 - x)) * 3, 3);
      }
    }
    return new RgbFrame(w, frame.height(), out);
  }
}
