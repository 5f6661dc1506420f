package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.Canvas;
import ai.kinora.world.Motion;
import ai.kinora.world.SceneObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark prompts, the prompt enhancer and the choice of native size. */
class PromptSuiteTest {

  @Test
  void everyBenchmarkPromptIsUnderstoodWholly() {
    List<String> suite = PromptSuite.benchmark();
    assertTrue(suite.size() >= 50, "at least 50 prompts, got " + suite.size());
    assertEquals(suite.size(), new HashSet<>(suite).size(), "no prompt twice");
    for (String prompt : suite) {
      PromptEnhancer.Enhanced e = PromptEnhancer.enhance(prompt, 4);
      assertEquals(List.of(), e.unmapped(), prompt);
      assertTrue(e.caption().endsWith("The clip lasts 4 seconds."), e.caption());
    }
  }

  @Test
  void checkpointSamplesEndWithALeftAndARightMover() {
    assertEquals(PromptSuite.heldOut(3), PromptSuite.checkpointSamples(3));
    List<String> six = PromptSuite.checkpointSamples(6);
    assertEquals(PromptSuite.heldOut(4), six.subList(0, 4));
    List<Motion.Direction> directions = new ArrayList<>();
    for (String prompt : six.subList(4, 6)) {
      List<SceneObject> objects = PromptEnhancer.enhance(prompt, 4).scene().objects();
      assertEquals(1, objects.size(), prompt);
      directions.add(((Motion.Move) objects.getFirst().motion()).direction());
    }
    assertEquals(List.of(Motion.Direction.LEFT, Motion.Direction.RIGHT), directions);
  }

  @Test
  void theEnhancerKeepsTheRequestedDuration() {
    PromptEnhancer.Enhanced e =
        PromptEnhancer.enhance("a small red circle moves to the right on a gray background", 6);
    assertEquals(6, e.scene().durationSeconds());
    assertTrue(e.caption().startsWith("A small red circle starts on the left"), e.caption());
  }

  @Test
  void nativeSizeIsTheNearestAspectRatio() {
    List<Canvas> natives =
        List.of(new Canvas(128, 128), new Canvas(224, 128), new Canvas(128, 224));
    assertEquals(new Canvas(224, 128), NativeSize.nearest(natives, new Canvas(1920, 1080)));
    assertEquals(new Canvas(128, 224), NativeSize.nearest(natives, new Canvas(1080, 1920)));
    assertEquals(new Canvas(128, 128), NativeSize.nearest(natives, new Canvas(640, 560)));
    assertEquals(new Canvas(128, 128), NativeSize.nearest(natives, new Canvas(2048, 2048)));
  }

  @Test
  void outputsCroppedToLessThanHalfTheNativeFrameAreRefused() {
    List<Canvas> natives =
        List.of(new Canvas(128, 128), new Canvas(224, 128), new Canvas(128, 224));
    assertEquals(new Canvas(224, 128), NativeSize.forOutput(natives, new Canvas(1920, 1080)));
    assertEquals(new Canvas(224, 128), NativeSize.forOutput(natives, new Canvas(448, 128)));
    assertEquals(new Canvas(128, 224), NativeSize.forOutput(natives, new Canvas(128, 448)));
    IllegalArgumentException strip =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> NativeSize.forOutput(natives, new Canvas(8, 4000)));
    assertEquals(
        "size 8x4000 is too narrow for this model: its nearest trained size, 128x224, would lose"
            + " more than half of its frame to the crop; choose a width/height ratio from 0.29 to"
            + " 3.50",
        strip.getMessage());
    IllegalArgumentException wide =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> NativeSize.forOutput(natives, new Canvas(512, 128)));
    assertTrue(wide.getMessage().startsWith("size 512x128 is too wide"), wide.getMessage());
  }
}
