package ai.kinora.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact wording of captions in each style, for scenes written out by hand. */
class CaptionerTest {

  static SceneObject object(Colour c, Shape s, ObjectSize size, Motion m, Anchor start) {
    return new SceneObject(c, s, size, m, start);
  }

  static Scene scene(SceneObject... objects) {
    return new Scene(List.of(objects), Background.GRAY, Camera.STATIC, false, false, 4.0);
  }

  private static final Motion RIGHT = Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL);
  private static final SceneObject RED_CIRCLE_RIGHT =
      object(Colour.RED, Shape.CIRCLE, ObjectSize.SMALL, RIGHT, Anchor.LEFT);

  @Test
  void normalCaptionOfTheSpecExample() {
    assertEquals(
        "A small red circle moves to the right on a gray background.",
        Captioner.caption(scene(RED_CIRCLE_RIGHT), CaptionStyle.NORMAL));
  }

  @Test
  void shortCaptionsNameColourShapeAndMotion() {
    SceneObject blueSquare =
        object(Colour.BLUE, Shape.SQUARE, ObjectSize.LARGE, Motion.STILL, Anchor.CENTER);
    SceneObject yellowStar =
        object(Colour.YELLOW, Shape.STAR, ObjectSize.MEDIUM, Motion.SPIN, Anchor.RIGHT);
    assertEquals(
        "red circle moving right", Captioner.caption(scene(RED_CIRCLE_RIGHT), CaptionStyle.SHORT));
    assertEquals(
        "red circle moving right, blue square staying still and yellow star spinning",
        Captioner.caption(scene(RED_CIRCLE_RIGHT, blueSquare, yellowStar), CaptionStyle.SHORT));
    assertEquals(
        "green triangle circling clockwise",
        shortOf(Colour.GREEN, Shape.TRIANGLE, Motion.orbit(Motion.Turn.CLOCKWISE), Anchor.TOP));
    assertEquals(
        "pink square falling and bouncing",
        shortOf(Colour.PINK, Shape.SQUARE, Motion.FALL_AND_BOUNCE, Anchor.TOP));
    assertEquals("blue star growing", shortOf(Colour.BLUE, Shape.STAR, Motion.GROW, Anchor.LEFT));
    assertEquals(
        "white circle shrinking", shortOf(Colour.WHITE, Shape.CIRCLE, Motion.SHRINK, Anchor.LEFT));
    // Speed is not part of the short style.
    Motion fastDown = Motion.move(Motion.Direction.DOWN, Motion.Speed.QUICKLY);
    assertEquals(
        "orange star moving down", shortOf(Colour.ORANGE, Shape.STAR, fastDown, Anchor.TOP));
  }

  private static String shortOf(Colour c, Shape s, Motion m, Anchor a) {
    return Captioner.caption(scene(object(c, s, ObjectSize.LARGE, m, a)), CaptionStyle.SHORT);
  }

  @Test
  void normalCaptionWithSpeedsCameraPostAndSnow() {
    SceneObject fastRed =
        object(
            Colour.RED,
            Shape.CIRCLE,
            ObjectSize.SMALL,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.QUICKLY),
            Anchor.LEFT);
    SceneObject blueSquare =
        object(Colour.BLUE, Shape.SQUARE, ObjectSize.LARGE, Motion.STILL, Anchor.BOTTOM_LEFT);
    Scene scene =
        new Scene(List.of(fastRed, blueSquare), Background.NAVY, Camera.PAN_LEFT, true, true, 6);
    assertEquals(
        "A small red circle moves quickly to the right and a large blue square stays still on a"
            + " navy background. The camera pans left. A wooden post stands in the middle. Snow is"
            + " falling.",
        Captioner.caption(scene, CaptionStyle.NORMAL));
  }

  @Test
  void normalMotionPhrases() {
    assertEquals(
        "A medium green triangle moves in a circle counterclockwise on a gray background."
            + " The camera zooms out.",
        Captioner.caption(
            new Scene(
                List.of(
                    object(
                        Colour.GREEN,
                        Shape.TRIANGLE,
                        ObjectSize.MEDIUM,
                        Motion.orbit(Motion.Turn.COUNTERCLOCKWISE),
                        Anchor.LEFT)),
                Background.GRAY,
                Camera.ZOOM_OUT,
                false,
                false,
                4),
            CaptionStyle.NORMAL));
    Motion slowUp = Motion.move(Motion.Direction.UP, Motion.Speed.SLOWLY);
    assertEquals(
        "A large pink square falls and bounces, a small white star moves up slowly and a medium"
            + " orange circle shrinks on a gray background.",
        Captioner.caption(
            scene(
                object(
                    Colour.PINK,
                    Shape.SQUARE,
                    ObjectSize.LARGE,
                    Motion.FALL_AND_BOUNCE,
                    Anchor.TOP),
                object(Colour.WHITE, Shape.STAR, ObjectSize.SMALL, slowUp, Anchor.BOTTOM),
                object(Colour.ORANGE, Shape.CIRCLE, ObjectSize.MEDIUM, Motion.SHRINK, Anchor.LEFT)),
            CaptionStyle.NORMAL));
  }

  @Test
  void descriptiveCaptionNamesEverything() {
    Scene scene =
        new Scene(
            List.of(
                RED_CIRCLE_RIGHT,
                object(
                    Colour.GREEN,
                    Shape.TRIANGLE,
                    ObjectSize.LARGE,
                    Motion.orbit(Motion.Turn.CLOCKWISE),
                    Anchor.TOP_RIGHT),
                object(
                    Colour.PINK,
                    Shape.SQUARE,
                    ObjectSize.MEDIUM,
                    Motion.FALL_AND_BOUNCE,
                    Anchor.TOP)),
            Background.NIGHT,
            Camera.STATIC,
            false,
            true,
            2.5);
    assertEquals(
        "There are three objects. A small red circle starts on the left and moves to the right at"
            + " normal speed. A large green triangle starts at the top right of its circle and moves"
            + " clockwise in a circle around the centre. A medium pink square falls from the top and"
            + " bounces. The background is a starry night sky. The camera is static. There is no"
            + " post. Snow is falling. The clip lasts 2.5 seconds.",
        Captioner.caption(scene, CaptionStyle.DESCRIPTIVE));
  }

  @Test
  void descriptiveCaptionOfStationaryMotionsSaysWhereTheObjectIs() {
    Scene scene =
        new Scene(
            List.of(
                object(Colour.YELLOW, Shape.STAR, ObjectSize.MEDIUM, Motion.SPIN, Anchor.TOP_RIGHT),
                object(Colour.BLUE, Shape.SQUARE, ObjectSize.LARGE, Motion.STILL, Anchor.CENTER)),
            Background.FOREST,
            Camera.PAN_RIGHT,
            true,
            false,
            1.0);
    assertEquals(
        "There are two objects. A medium yellow star in the top right spins in place. A large blue"
            + " square in the centre stays still. The background is forest green. The camera pans"
            + " right. A wooden post stands in the middle, in front of the objects. There is no"
            + " snow. The clip lasts 1 second.",
        Captioner.caption(scene, CaptionStyle.DESCRIPTIVE));
  }

  @Test
  void everyStartPositionHasItsWords() {
    Map<Anchor, String> expected =
        Map.of(
            Anchor.TOP_LEFT, "in the top left",
            Anchor.TOP, "at the top",
            Anchor.TOP_RIGHT, "in the top right",
            Anchor.LEFT, "on the left",
            Anchor.CENTER, "in the centre",
            Anchor.RIGHT, "on the right",
            Anchor.BOTTOM_LEFT, "in the bottom left",
            Anchor.BOTTOM, "at the bottom",
            Anchor.BOTTOM_RIGHT, "in the bottom right");
    for (Anchor a : Anchor.values()) {
      Scene s = scene(object(Colour.RED, Shape.SQUARE, ObjectSize.SMALL, Motion.GROW, a));
      String caption = Captioner.caption(s, CaptionStyle.DESCRIPTIVE);
      assertTrue(
          caption.startsWith("A small red square " + expected.get(a) + " grows to twice its size."),
          caption);
      assertEquals(s, PromptParser.parse(caption).scene());
    }
  }

  @Test
  void allGivesEveryStyleInOrderAndIsDeterministic() {
    Scene s = new SceneSampler(SceneSampler.Settings.defaults(), 99L).nextScene();
    Map<CaptionStyle, String> all = Captioner.all(s);
    assertEquals(List.of(CaptionStyle.values()), List.copyOf(all.keySet()));
    for (CaptionStyle style : CaptionStyle.values()) {
      assertEquals(Captioner.caption(s, style), all.get(style));
    }
    assertEquals(all, Captioner.all(s));
  }
}
