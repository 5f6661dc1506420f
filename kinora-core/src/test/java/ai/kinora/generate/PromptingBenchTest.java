package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.Canvas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prompting benchmark's plumbing on the tiny untrained pipeline at 32x32: every case runs, puts
 * its inputs and outputs together at the right lengths and reports its figures. (Whether they pass
 * is the trained model's business: `kinora bench prompting`.)
 */
class PromptingBenchTest {

  static TinyPipeline pipeline;
  static PromptingBench bench;

  @BeforeAll
  static void open() {
    pipeline = new TinyPipeline(5);
    bench = new PromptingBench(pipeline.generator, new Canvas(32, 32), 2, 2, 0);
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  static void assertFigures(PromptingBench.Case c, int frames, String... contains) {
    assertEquals(frames, c.frames().size(), c.mode() + " frames");
    String all = String.join("\n", c.figures());
    for (String s : contains) {
      assertTrue(all.contains(s), c.mode() + " should report \"" + s + "\":\n" + all);
    }
  }

  @Test
  void extendPutsTheNewPartAfterOrBeforeTheInput() {
    PromptingBench.Case forward = bench.extend(false);
    assertFigures(forward, 32, "join: change", "new part: ");
    assertTrue(forward.frames().get(0).samePixels(bench.world(forward.prompt(), 0, 2).get(0)));
    PromptingBench.Case backward = bench.extend(true);
    assertFigures(backward, 32, "join: change", "new part: ");
    assertTrue(backward.frames().get(16).samePixels(bench.world(backward.prompt(), 0, 2).get(0)));
  }

  @Test
  void connectJoinsTwoClipsThroughATransition() {
    // 16 frames of A, 4 x 2 - 1 = 7 new ones (about 1 s), 16 of B
    assertFigures(bench.connect(), 16 + 7 + 16, "join from A", "join into B", "transition");
  }

  @Test
  void loopAnimateAndEditReportTheirFigures() {
    assertFigures(bench.loop(), 33, "last to first: change", "clip: ");
    assertFigures(bench.animate(), 32, "first frame: PSNR", "clip: ");
    assertFigures(
        bench.edit(
            "a medium red circle moves to the right on a gray background",
            "a medium blue circle moves to the right on a gray background",
            0.5),
        32,
        "trajectories: worst mean offset",
        "edited clip: ");
  }

  @Test
  void aLongVideoReportsPresencePerObject() {
    assertFigures(bench.minute(3), 24, "24 frames (3 s)", "purple circle: present in", "whole");
  }

  @Test
  void aStoryboardScoresEachCardAndBothJoins() {
    assertFigures(
        bench.storyboard(),
        96,
        "card 1",
        "card 2",
        "card 3",
        "join at frame 32",
        "join at frame 64");
  }

  @Test
  void theTargetsAreTheIssuesFigures() {
    assertEquals(0.9, PromptingBench.ATTRIBUTES);
    assertEquals(28, PromptingBench.FIRST_FRAME_DB);
    assertEquals(0.05, PromptingBench.EDIT_OFFSET);
    assertEquals(0.95, PromptingBench.PRESENCE);
    assertEquals(1.5, ai.kinora.eval.FrameChanges.SEAMLESS_RATIO);
  }
}
