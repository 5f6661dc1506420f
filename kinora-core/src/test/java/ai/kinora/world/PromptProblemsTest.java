package ai.kinora.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the parser does with prompts it cannot fully use: unknown words are reported, impossible
 * scenes are refused with a clear message, and defaults and adjustments are explained in notes.
 */
class PromptProblemsTest {

  private static final Scene RED_CIRCLE_RIGHT =
      new Scene(
          List.of(
              new SceneObject(
                  Colour.RED,
                  Shape.CIRCLE,
                  ObjectSize.MEDIUM,
                  Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL),
                  Anchor.LEFT)),
          Background.GRAY,
          Camera.STATIC,
          false,
          false,
          4.0);

  private static String refusal(String prompt) {
    PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse(prompt));
    assertInstanceOf(IllegalArgumentException.class, e);
    return e.getMessage();
  }

  private static boolean noted(ParsedPrompt p, String fragment) {
    return p.notes().stream().anyMatch(n -> n.contains(fragment));
  }

  @Test
  void unknownWordsAreReportedAndTheSceneStillForms() {
    ParsedPrompt p = PromptParser.parse("a red circle moves right past a dragon");
    assertEquals(List.of("dragon"), p.unmapped());
    assertEquals(RED_CIRCLE_RIGHT, p.scene());

    ParsedPrompt q = PromptParser.parse("photorealistic red ball moving right, cinematic lighting");
    assertEquals(List.of("photorealistic", "cinematic lighting"), q.unmapped());
    assertEquals(RED_CIRCLE_RIGHT, q.scene());
  }

  @Test
  void stopWordsAreNotReported() {
    ParsedPrompt p =
        PromptParser.parse(
            "In this clip we see a red circle that is moving to the right of the frame, and it is"
                + " very simple.");
    assertEquals(List.of(), p.unmapped());
    assertEquals(RED_CIRCLE_RIGHT, p.scene());
  }

  @Test
  void backgroundColourWords() {
    ParsedPrompt blue = PromptParser.parse("a red ball moves right on a blue background");
    assertEquals(Background.NAVY, blue.scene().background());
    assertTrue(noted(blue, "read as navy"), blue.notes().toString());
    ParsedPrompt green = PromptParser.parse("a red ball moves right, background: green");
    assertEquals(Background.FOREST, green.scene().background());
    ParsedPrompt purple = PromptParser.parse("a red ball moves right on a purple background");
    assertEquals(Background.GRAY, purple.scene().background());
    assertEquals(List.of("purple background"), purple.unmapped());
    assertTrue(noted(purple, "there is no purple background"), purple.notes().toString());
  }

  @Test
  void emptyPromptsAreRefused() {
    assertTrue(refusal("").startsWith("empty prompt"));
    assertTrue(refusal("   ").startsWith("empty prompt"));
    assertTrue(refusal(null).startsWith("empty prompt"));
  }

  @Test
  void promptsWithoutAShapeAreRefused() {
    String m = refusal("a dragon breathes fire at dusk");
    assertTrue(
        m.startsWith("no object found: name a shape such as circle, square, triangle or star"), m);
    assertTrue(m.contains("dragon breathes fire"), m);
    assertTrue(refusal("a red thing moves left").startsWith("no object found"));
  }

  @Test
  void moreThanThreeObjectsAreRefused() {
    assertEquals(
        "too many objects: 4 asked for, a scene has at most 3",
        refusal("a red circle, a blue square, a green star and a yellow triangle"));
    assertEquals("too many objects: 5 asked for, a scene has at most 3", refusal("five balls"));
    assertTrue(
        refusal("four objects: a red ball and a blue box").startsWith("too many objects: 4"));
  }

  @Test
  void whiteOnWhiteIsRefused() {
    assertEquals(
        "a white circle would be invisible on the white background",
        refusal("a white circle on a white background"));
    assertEquals(
        "a white star would be invisible on the white background",
        refusal("The background is white. A small white star spins."));
  }

  @Test
  void duplicatesAreRefused() {
    String expected =
        "duplicate object: two red circles; objects in one scene must differ in colour or shape";
    assertEquals(expected, refusal("a red circle and a crimson ball"));
    assertEquals(expected, refusal("two red circles moving left"));
  }

  @Test
  void impossibleValuesAreRefused() {
    assertTrue(refusal("a black square moves up").startsWith("objects cannot be black"));
    assertEquals(
        "a clip lasts more than 0 and at most 60 seconds, not 90",
        refusal("a red ball spins for 90 seconds"));
  }

  @Test
  void aSpinningCircleIsAllowedWithANote() {
    ParsedPrompt p = PromptParser.parse("a red ball spins");
    assertEquals(Motion.SPIN, p.scene().objects().getFirst().motion());
    assertTrue(noted(p, "spinning circle"), p.notes().toString());
  }

  @Test
  void startsThatCannotWorkAreAdjustedWithANote() {
    ParsedPrompt bounce = PromptParser.parse("a red ball bounces in the bottom right");
    assertEquals(Anchor.TOP_RIGHT, bounce.scene().objects().getFirst().start());
    assertTrue(noted(bounce, "starts in the top right, not in the bottom right"));
    ParsedPrompt orbit = PromptParser.parse("an orange ball orbits in the centre");
    assertEquals(Anchor.TOP, orbit.scene().objects().getFirst().start());
    assertTrue(noted(orbit, "cannot start there"), orbit.notes().toString());
    ParsedPrompt odd = PromptParser.parse("a red circle on the right moving right");
    assertEquals(Anchor.RIGHT, odd.scene().objects().getFirst().start());
    assertTrue(noted(odd, "hard to see"), odd.notes().toString());
  }

  @Test
  void defaultsAreNoted() {
    ParsedPrompt p = PromptParser.parse("a ball moves");
    Scene expected =
        RED_CIRCLE_RIGHT; // the first default colour and the default direction, both noted
    assertEquals(expected, p.scene());
    for (String note :
        List.of(
            "colour not given for a circle: red",
            "size not given for the red circle: medium",
            "direction not given for the red circle: moves right",
            "background not given: gray")) {
      assertTrue(p.notes().contains(note), () -> note + " missing from " + p.notes());
    }
    assertTrue(
        PromptParser.parse(Captioner.caption(p.scene(), CaptionStyle.NORMAL)).notes().isEmpty());
  }

  @Test
  void wordSaladFromTheVocabularyIsParsedOrRefusedButNeverCrashes() {
    String[] words =
        ("a the two four red crimson white blue green black navy night background circle circles"
                + " balls box star triangle moves left right up to from on in at top middle of its"
                + " circle orbits clockwise spins grows still stays put falls bounces quickly at"
                + " normal speed camera pans zooms out post snow falling no 6 2.5 seconds objects is"
                + " and while , . it both dragon dark corner does not move")
            .split(" ");
    Random random = new Random(11);
    int parsed = 0;
    for (int n = 0; n < 5000; n++) {
      StringBuilder prompt = new StringBuilder();
      for (int i = random.nextInt(14); i >= 0; i--) {
        prompt.append(words[random.nextInt(words.length)]).append(' ');
      }
      try {
        Scene scene = PromptParser.parse(prompt.toString()).scene();
        String caption = Captioner.caption(scene, CaptionStyle.DESCRIPTIVE);
        assertEquals(scene, PromptParser.parse(caption).scene(), prompt.toString());
        parsed++;
      } catch (PromptException refused) {
        assertFalse(refused.getMessage().isBlank(), prompt.toString());
      }
    }
    assertTrue(parsed > 1000, "only " + parsed + " of 5000 word salads formed a scene");
  }
}
