package ai.kinora.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Caption, then parse: for random scenes, every style's caption parses back to exactly {@code
 * style.project(scene)} with no unmapped words.
 */
class CaptionRoundTripTest {

  private static final int SCENES = 1000;

  private static SceneSampler.Settings mixedDurations() {
    return SceneSampler.Settings.defaults()
        .withDurations(Weighted.uniform(1.0, 2.0, 2.5, 4.0, 6.0, 10.0));
  }

  /** The default settings but with objects of one scene allowed to share a colour. */
  private static SceneSampler.Settings sharedColours() {
    return mixedDurations().withExtras(0.5, 0.5).withDistinctColours(false);
  }

  private static void assertRoundTrip(Scene scene, CaptionStyle style) {
    for (CaptionWording wording : CaptionWording.values()) {
      assertRoundTrip(scene, style, wording);
    }
  }

  private static void assertRoundTrip(Scene scene, CaptionStyle style, CaptionWording wording) {
    String caption = Captioner.caption(scene, style, wording);
    ParsedPrompt parsed = PromptParser.parse(caption);
    assertEquals(style.project(scene), parsed.scene(), () -> style + ": " + caption);
    assertTrue(parsed.unmapped().isEmpty(), () -> caption + " left " + parsed.unmapped());
  }

  @Test
  void everyStyleParsesBackToItsProjection() {
    SceneSampler sampler = new SceneSampler(mixedDurations(), 20240611L);
    Map<CaptionStyle, Set<String>> distinct = new EnumMap<>(CaptionStyle.class);
    for (int n = 0; n < SCENES; n++) {
      Scene scene = sampler.nextScene();
      for (CaptionStyle style : CaptionStyle.values()) {
        assertRoundTrip(scene, style);
        distinct.computeIfAbsent(style, s -> new HashSet<>()).add(Captioner.caption(scene, style));
      }
    }
    // Guards against a sampler or captioner that collapses everything into a few captions.
    assertTrue(distinct.get(CaptionStyle.SHORT).size() > 300, "short captions vary");
    assertTrue(distinct.get(CaptionStyle.DESCRIPTIVE).size() > 900, "descriptive captions vary");
  }

  @Test
  void scenesWithSharedColoursAndExtrasRoundTrip() {
    SceneSampler sampler = new SceneSampler(sharedColours(), 7L);
    for (int n = 0; n < 300; n++) {
      Scene scene = sampler.nextScene();
      for (CaptionStyle style : CaptionStyle.values()) {
        assertRoundTrip(scene, style);
      }
    }
  }

  @Test
  void awkwardDurationsRoundTripExactly() {
    Scene base = new SceneSampler(SceneSampler.Settings.defaults(), 3L).nextScene();
    double[] durations = {0.1 + 0.2, 1.0 / 3, 1e-5, 0.125, 59.999999999, 60.0, 1.0, 12.75};
    for (double d : durations) {
      Scene scene = base.withDuration(d);
      ParsedPrompt parsed = PromptParser.parse(Captioner.caption(scene, CaptionStyle.DESCRIPTIVE));
      assertEquals(d, parsed.scene().durationSeconds(), 0.0, () -> "duration " + d);
    }
    assertEquals("0.30000000000000004", Captioner.seconds(0.1 + 0.2));
    assertEquals("0.00001", Captioner.seconds(1e-5));
    assertEquals("60", Captioner.seconds(60.0));
  }

  @Test
  void everyMotionAndStartIsCoveredByTheRandomScenes() {
    SceneSampler sampler = new SceneSampler(mixedDurations(), 20240611L);
    Set<String> seen = new HashSet<>();
    for (int n = 0; n < SCENES; n++) {
      for (SceneObject o : sampler.nextScene().objects()) {
        seen.add(o.motion() + "@" + o.start());
      }
    }
    // Bounces use 3 anchors, orbits 8 turns x 2, moves 4 x 3 speeds x 6; most must appear.
    assertTrue(seen.size() > 80, "only " + seen.size() + " motion/start pairs sampled");
  }

  @Test
  void projectionsDiscardExactlyWhatTheStyleOmits() {
    SceneObject circle =
        new SceneObject(
            Colour.WHITE,
            Shape.CIRCLE,
            ObjectSize.SMALL,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.QUICKLY),
            Anchor.TOP_LEFT);
    SceneObject star =
        new SceneObject(
            Colour.BLUE,
            Shape.STAR,
            ObjectSize.LARGE,
            Motion.orbit(Motion.Turn.COUNTERCLOCKWISE),
            Anchor.BOTTOM);
    Scene scene = new Scene(List.of(circle, star), Background.NIGHT, Camera.ZOOM_IN, true, true, 6);

    assertEquals(scene, CaptionStyle.DESCRIPTIVE.project(scene));

    Scene normal = CaptionStyle.NORMAL.project(scene);
    assertEquals(Scene.DEFAULT_SECONDS, normal.durationSeconds());
    assertEquals(List.of(Anchor.LEFT, Anchor.TOP), starts(normal));
    assertEquals(scene.withDuration(4).withObjects(normal.objects()), normal);
    assertEquals(ObjectSize.SMALL, normal.objects().get(0).size());

    Scene small = CaptionStyle.SHORT.project(scene);
    assertEquals(Background.GRAY, small.background());
    assertEquals(Camera.STATIC, small.camera());
    assertEquals(List.of(Anchor.LEFT, Anchor.TOP), starts(small));
    assertEquals(
        Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL), small.objects().get(0).motion());
    assertEquals(ObjectSize.MEDIUM, small.objects().get(1).size());
    assertEquals(Colour.WHITE, small.objects().get(0).colour());
    assertNotEquals(small, normal);
  }

  private static List<Anchor> starts(Scene scene) {
    List<Anchor> out = new ArrayList<>();
    for (SceneObject o : scene.objects()) {
      out.add(o.start());
    }
    return out;
  }
}
