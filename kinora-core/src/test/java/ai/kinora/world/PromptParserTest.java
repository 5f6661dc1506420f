package ai.kinora.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Free prompts in Kinora World's vocabulary, with synonyms and varied word order, parse to the
 * scenes a careful reader would expect (with start positions written out, not computed).
 */
class PromptParserTest {

  private static final Motion.Speed NORMAL = Motion.Speed.NORMAL;
  private static final Motion.Speed SLOWLY = Motion.Speed.SLOWLY;
  private static final Motion.Speed QUICKLY = Motion.Speed.QUICKLY;

  private static SceneObject o(Colour c, Shape s, ObjectSize z, Motion m, Anchor a) {
    return new SceneObject(c, s, z, m, a);
  }

  private static SceneObject o(Colour c, Shape s, Motion m, Anchor a) {
    return new SceneObject(c, s, ObjectSize.MEDIUM, m, a);
  }

  private static Motion move(Motion.Direction d, Motion.Speed s) {
    return Motion.move(d, s);
  }

  private static Scene on(Background b, SceneObject... objects) {
    return new Scene(List.of(objects), b, Camera.STATIC, false, false, 4.0);
  }

  private static Scene with(
      Background b, Camera c, boolean post, boolean snow, double s, SceneObject... objects) {
    return new Scene(List.of(objects), b, c, post, snow, s);
  }

  private static void assertParses(Scene expected, String prompt) {
    ParsedPrompt parsed = PromptParser.parse(prompt);
    assertEquals(expected, parsed.scene(), prompt);
    assertEquals(List.of(), parsed.unmapped(), prompt);
  }

  @Test
  void examplesFromTheBrief() {
    assertParses(
        on(
            Background.BLACK,
            o(Colour.RED, Shape.CIRCLE, ObjectSize.LARGE, Motion.FALL_AND_BOUNCE, Anchor.TOP)),
        "a big crimson ball bounces on a black background");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.PURPLE, Shape.STAR, ObjectSize.SMALL, Motion.SPIN, Anchor.CENTER),
            o(Colour.BLUE, Shape.SQUARE, move(Motion.Direction.LEFT, QUICKLY), Anchor.RIGHT)),
        "two shapes: a tiny violet star spinning and a blue box sliding left quickly");
    assertParses(
        with(
            Background.NIGHT,
            Camera.STATIC,
            false,
            true,
            4,
            o(
                Colour.YELLOW,
                Shape.TRIANGLE,
                Motion.orbit(Motion.Turn.COUNTERCLOCKWISE),
                Anchor.TOP)),
        "A yellow triangle orbits anticlockwise under a starry night sky while snow falls");
    assertParses(
        with(
            Background.GRAY,
            Camera.ZOOM_OUT,
            true,
            false,
            6,
            o(Colour.GREEN, Shape.SQUARE, Motion.STILL, Anchor.LEFT)),
        "a green cube stays put in front of a wooden pole, camera zooms out, 6 seconds");
  }

  @Test
  void colourShapeAndSizeSynonyms() {
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.CIRCLE, move(Motion.Direction.LEFT, SLOWLY), Anchor.RIGHT)),
        "a scarlet disc drifts leftwards slowly on grey");
    assertParses(
        on(
            Background.NAVY,
            o(Colour.PURPLE, Shape.SQUARE, Motion.orbit(Motion.Turn.COUNTERCLOCKWISE), Anchor.TOP)),
        "A medium-sized lilac block goes around counter-clockwise on a dark blue background");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.PINK, Shape.CIRCLE, ObjectSize.SMALL, Motion.SPIN, Anchor.CENTER)),
        "a little rose dot rotates");
    assertParses(
        with(
            Background.FOREST,
            Camera.STATIC,
            false,
            false,
            10,
            o(Colour.PURPLE, Shape.CIRCLE, ObjectSize.LARGE, Motion.GROW, Anchor.CENTER)),
        "a giant lavender ball expands against a dark green backdrop for 10 s");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.YELLOW, Shape.STAR, Motion.SPIN, Anchor.CENTER),
            o(Colour.WHITE, Shape.SQUARE, Motion.SHRINK, Anchor.LEFT),
            o(Colour.BLUE, Shape.CIRCLE, Motion.GROW, Anchor.RIGHT)),
        "a gold star turning, a white square getting smaller, a blue disk getting bigger");
    assertParses(
        on(
            Background.DUSK,
            o(
                Colour.ORANGE,
                Shape.SQUARE,
                ObjectSize.LARGE,
                Motion.FALL_AND_BOUNCE,
                Anchor.TOP_LEFT)),
        "a huge amber square drops and bounces in the top left, twilight");
  }

  @Test
  void motionSynonyms() {
    assertParses(
        on(
            Background.DUSK,
            o(
                Colour.YELLOW,
                Shape.STAR,
                ObjectSize.LARGE,
                move(Motion.Direction.UP, QUICKLY),
                Anchor.BOTTOM)),
        "a large golden star is rising rapidly at sunset");
    assertParses(
        with(
            Background.GRAY,
            Camera.PAN_RIGHT,
            false,
            false,
            4,
            o(Colour.PINK, Shape.SQUARE, move(Motion.Direction.DOWN, SLOWLY), Anchor.TOP)),
        "a magenta box travels downward gently; camera pans right");
    assertParses(
        with(
            Background.GRAY,
            Camera.PAN_LEFT,
            false,
            false,
            4,
            o(Colour.BLUE, Shape.SQUARE, Motion.orbit(Motion.Turn.CLOCKWISE), Anchor.TOP),
            o(Colour.PINK, Shape.TRIANGLE, move(Motion.Direction.RIGHT, QUICKLY), Anchor.LEFT)),
        "a cobalt cube circles clockwise, fuchsia triangle glides to the right fast, camera pans to"
            + " the left");
    assertParses(
        with(
            Background.GRAY,
            Camera.STATIC,
            true,
            false,
            4,
            o(Colour.PURPLE, Shape.STAR, Motion.orbit(Motion.Turn.COUNTERCLOCKWISE), Anchor.TOP),
            o(Colour.GREEN, Shape.SQUARE, Motion.STILL, Anchor.LEFT)),
        "a purple star revolves counterclockwise and a green box sits motionless behind a pillar");
    assertParses(
        with(
            Background.GRAY,
            Camera.ZOOM_OUT,
            true,
            false,
            30,
            o(Colour.ORANGE, Shape.CIRCLE, Motion.FALL_AND_BOUNCE, Anchor.TOP_LEFT)),
        "orange ball dropping and bouncing, camera zooming out, a wooden post, 30 seconds");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.SQUARE, move(Motion.Direction.RIGHT, QUICKLY), Anchor.LEFT)),
        "a red block moves rightward at high speed");
    assertParses(
        on(Background.GRAY, o(Colour.GREEN, Shape.CIRCLE, Motion.STILL, Anchor.CENTER)),
        "a lime ball that does not move");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.WHITE, Shape.STAR, Motion.STILL, Anchor.CENTER),
            o(Colour.ORANGE, Shape.SQUARE, move(Motion.Direction.UP, SLOWLY), Anchor.BOTTOM)),
        "a static white star and a slow orange box goes up");
  }

  @Test
  void backgroundsCameraPostSnowAndDuration() {
    assertParses(
        with(
            Background.NIGHT,
            Camera.ZOOM_IN,
            false,
            false,
            4,
            o(Colour.BLUE, Shape.STAR, ObjectSize.SMALL, Motion.STILL, Anchor.CENTER)),
        "a mini azure star is stationary at night, zooming in");
    assertParses(
        with(
            Background.FOREST,
            Camera.STATIC,
            false,
            true,
            4,
            o(Colour.ORANGE, Shape.TRIANGLE, Motion.SHRINK, Anchor.CENTER)),
        "snowfall, forest background, an orange triangle shrinking, static camera");
    assertParses(
        with(
            Background.GRAY,
            Camera.STATIC,
            false,
            true,
            2.5,
            o(Colour.GREEN, Shape.TRIANGLE, Motion.STILL, Anchor.TOP_RIGHT)),
        "an emerald triangle sits still in the top right corner, it is snowing, 2.5-second clip");
    assertParses(
        with(
            Background.WHITE,
            Camera.STATIC,
            false,
            false,
            2,
            o(Colour.BLUE, Shape.SQUARE, ObjectSize.LARGE, Motion.SPIN, Anchor.CENTER)),
        "a big blue square spins on a white background for two seconds");
    assertParses(
        on(
            Background.BLACK,
            o(Colour.WHITE, Shape.CIRCLE, move(Motion.Direction.LEFT, NORMAL), Anchor.RIGHT)),
        "a white ball moves left on black");
  }

  @Test
  void wordOrderAndSentenceVariations() {
    assertParses(
        with(
            Background.WHITE,
            Camera.STATIC,
            false,
            false,
            1,
            o(
                Colour.PINK,
                Shape.TRIANGLE,
                ObjectSize.SMALL,
                move(Motion.Direction.UP, SLOWLY),
                Anchor.BOTTOM)),
        "moving up slowly, a small pink triangle, on a white background, lasts 1 second");
    assertParses(
        with(
            Background.GRAY,
            Camera.PAN_LEFT,
            false,
            false,
            4,
            o(Colour.RED, Shape.CIRCLE, move(Motion.Direction.RIGHT, NORMAL), Anchor.LEFT),
            o(Colour.BLUE, Shape.SQUARE, Motion.STILL, Anchor.CENTER)),
        "a red ball moves from left to right, a blue cube does not move, panning to the left");
    assertParses(
        with(
            Background.GRAY,
            Camera.STATIC,
            false,
            false,
            8,
            o(Colour.YELLOW, Shape.CIRCLE, ObjectSize.SMALL, Motion.STILL, Anchor.LEFT)),
        "The camera is static. A small yellow circle stays put on the left. No snow. No post. 8 s");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.TRIANGLE, move(Motion.Direction.DOWN, QUICKLY), Anchor.TOP_RIGHT),
            o(Colour.PURPLE, Shape.CIRCLE, move(Motion.Direction.UP, SLOWLY), Anchor.BOTTOM_LEFT)),
        "a crimson triangle moves down quickly from the top right, a violet ball moves up slowly"
            + " from the bottom left");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.GREEN, Shape.SQUARE, Motion.STILL, Anchor.BOTTOM_RIGHT),
            o(Colour.WHITE, Shape.CIRCLE, move(Motion.Direction.UP, NORMAL), Anchor.BOTTOM)),
        "A lime box is stationary in the bottom right while a white ball rises");
    assertParses(
        on(
            Background.GRAY,
            o(
                Colour.RED,
                Shape.CIRCLE,
                ObjectSize.SMALL,
                move(Motion.Direction.RIGHT, NORMAL),
                Anchor.LEFT)),
        "A red ball moves right. The ball is small.");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.BLUE, Shape.STAR, Motion.orbit(Motion.Turn.CLOCKWISE), Anchor.RIGHT)),
        "blue star orbiting, starting on the right of its circle");
  }

  @Test
  void oneMotionPhraseForSeveralObjects() {
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.CIRCLE, move(Motion.Direction.UP, NORMAL), Anchor.BOTTOM),
            o(Colour.BLUE, Shape.SQUARE, move(Motion.Direction.UP, NORMAL), Anchor.BOTTOM_LEFT)),
        "a red circle and a blue square move up");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.CIRCLE, Motion.FALL_AND_BOUNCE, Anchor.TOP),
            o(Colour.BLUE, Shape.CIRCLE, Motion.FALL_AND_BOUNCE, Anchor.TOP_LEFT),
            o(Colour.GREEN, Shape.CIRCLE, Motion.FALL_AND_BOUNCE, Anchor.TOP_RIGHT)),
        "three balls bouncing");
    // A participle after the second object is that object's alone.
    assertParses(
        on(
            Background.GRAY,
            o(Colour.RED, Shape.CIRCLE, Motion.STILL, Anchor.CENTER),
            o(Colour.BLUE, Shape.CIRCLE, Motion.orbit(Motion.Turn.CLOCKWISE), Anchor.TOP)),
        "a red ball in the centre and a blue ball circling it");
    assertParses(
        on(
            Background.GRAY,
            o(Colour.YELLOW, Shape.STAR, move(Motion.Direction.LEFT, NORMAL), Anchor.RIGHT),
            o(Colour.RED, Shape.STAR, move(Motion.Direction.RIGHT, NORMAL), Anchor.LEFT)),
        "a yellow star slides to the left, a red star slides to the right");
  }
}
