package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.dit.TinyModel;
import ai.kinora.media.RgbFrame;
import ai.kinora.world.Canvas;
import java.util.ArrayList;
import java.util.List;
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
  void aNegativePromptReachesTheCases() {
    // A fresh model's text paths start at zero, so the prompts would not matter: randomise it.
    try (TinyPipeline random = new TinyPipeline(6)) {
      TinyModel.randomize(random.model.parameters(), 0.2);
      Canvas size = new Canvas(32, 32);
      List<RgbFrame> plain = new PromptingBench(random.generator, size, 2, 2, 0).loop().frames();
      List<RgbFrame> guided =
          new PromptingBench(random.generator, size, 2, 2, 0, "a red square").loop().frames();
      assertEquals(plain.size(), guided.size());
      boolean differ = false;
      for (int i = 0; i < plain.size(); i++) {
        differ |= !plain.get(i).samePixels(guided.get(i));
      }
      assertTrue(differ, "a negative prompt changes what the bench generates");
    }
  }

  @Test
  void loopAnimateAndEditReportTheirFigures() {
    assertFigures(bench.loop(), 32, "last to first: change", "clip: ");
    assertFigures(bench.animate(), 32, "first frame: the image itself", "clip: ");
    assertFigures(
        bench.edit(
            "a medium red circle moves to the right on a gray background",
            "a medium blue circle moves to the right on a gray background",
            0.5),
        32,
        "trajectories: ",
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

  /** The benchmark at the size its targets are stated at, for judging ground truth. */
  static PromptingBench full() {
    return new PromptingBench(pipeline.generator, new Canvas(128, 128), 2, 2, 0);
  }

  @Test
  void kinoraWorldsOwnClipsPassEveryJudge() {
    PromptingBench b = full();
    String fw = PromptingBench.EXTEND_FORWARD;
    assertPassed(b.judgeExtension(fw, b.world(fw, 0, 2), b.world(fw, 2, 4), false));
    String bw = PromptingBench.EXTEND_BACKWARD;
    assertPassed(b.judgeExtension(bw, b.world(bw, 2, 4), b.world(bw, 0, 2), true));
    String c = PromptingBench.CONNECT;
    assertPassed(
        b.judgeConnection(c, b.world(c, 0, 2), b.world(c, 2, 2.875), b.world(c, 2.875, 4.875)));
    assertPassed(b.judgeLoop(PromptingBench.LOOP, b.world(PromptingBench.LOOP, 0, 4.125)));
    String a = PromptingBench.ANIMATE;
    assertPassed(b.judgeAnimation(a, b.world(a, 0, 0.125).get(0), b.world(a, 0, 4)));
    String src = PromptingBench.EDIT_SOURCE;
    for (String target : List.of(PromptingBench.EDIT_COLOUR, PromptingBench.EDIT_BACKGROUND)) {
      assertPassed(b.judgeEdit(src, b.world(src, 0, 4), target, b.world(target, 0, 4), 0.6));
    }
    assertPassed(b.judgeLongVideo(PromptingBench.LONG, b.world(PromptingBench.LONG, 0, 60), 1));
  }

  @Test
  void theJudgesFailWhatTheModesMustNotDo() {
    PromptingBench b = full();
    String fw = PromptingBench.EXTEND_FORWARD;
    // A continuation of another scene: a cut at the join, and the wrong object.
    String other = "a small green star moves to the left on a white background";
    assertFailed(b.judgeExtension(fw, b.world(fw, 0, 2), b.world(other, 2, 4), false), "ratio");
    // An animation that does not start from the image.
    String a = PromptingBench.ANIMATE;
    assertFailed(b.judgeAnimation(a, b.world(a, 0, 0.125).get(0), b.world(a, 1, 5)), "PSNR");
    // An edit that changed nothing.
    String src = PromptingBench.EDIT_SOURCE;
    assertFailed(
        b.judgeEdit(src, b.world(src, 0, 4), PromptingBench.EDIT_COLOUR, b.world(src, 0, 4), 0.6),
        "blue");
    // An edit that kept the colours but not the motion.
    String left = "a medium blue circle moves to the left on a gray background";
    assertFailed(
        b.judgeEdit(src, b.world(src, 0, 4), PromptingBench.EDIT_COLOUR, b.world(left, 0, 4), 0.6),
        "trajectories");
    // A long video whose object is gone after the first 20 s.
    String l = PromptingBench.LONG;
    List<RgbFrame> fading = new ArrayList<>(b.world(l, 0, 20));
    fading.addAll(b.world("a small white star stays still on a black background", 20, 60));
    assertFailed(b.judgeLongVideo(l, fading, 1), "present in 33.3%");
  }

  static void assertPassed(PromptingBench.Case c) {
    assertTrue(c.passed(), c.mode() + " should pass on ground truth:\n" + c.figures());
  }

  static void assertFailed(PromptingBench.Case c, String figure) {
    assertFalse(c.passed(), c.mode() + " should fail:\n" + c.figures());
    assertTrue(String.join("\n", c.figures()).contains(figure), figure + " in " + c.figures());
  }
}
