package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.Video;
import ai.kinora.world.Canvas;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import org.junit.jupiter.api.Test;

/**
 * Object trajectories on ground-truth clips: a recoloured or re-backgrounded scene keeps its
 * objects' paths exactly, a different motion does not, and objects stay present.
 */
class TrajectoriesTest {

  static final Canvas CANVAS = new Canvas(64, 64);

  static Trajectories track(String prompt) {
    Scene scene = PromptParser.parse(prompt).scene();
    return Trajectories.of(SceneRenderer.renderClip(scene, CANVAS, 8, 0), scene);
  }

  static Video clip(String prompt) {
    return SceneRenderer.renderClip(PromptParser.parse(prompt).scene(), CANVAS, 8, 0);
  }

  @Test
  void aColourOrBackgroundChangeKeepsTheTrajectories() {
    Trajectories red = track("a medium red circle moves to the right on a gray background");
    Trajectories blue = track("a medium blue circle moves to the right on a gray background");
    Trajectories white = track("a medium red circle moves to the right on a white background");
    assertEquals(0, red.worstMeanOffset(red), 1e-12);
    assertTrue(red.worstMeanOffset(blue) < 0.01, "recoloured: " + red.worstMeanOffset(blue));
    assertTrue(red.worstMeanOffset(white) < 0.01, "background: " + red.worstMeanOffset(white));
  }

  @Test
  void anotherMotionMovesTheTrajectories() {
    Trajectories right = track("a medium red circle moves to the right on a gray background");
    Trajectories left = track("a medium red circle moves to the left on a gray background");
    assertTrue(right.worstMeanOffset(left) > 0.2, "offset " + right.worstMeanOffset(left));
  }

  @Test
  void anOrbitingObjectIsPresentThroughout() {
    Trajectories t =
        track("a large purple circle moves in a circle clockwise on a black background");
    assertEquals(1, t.objects());
    assertEquals(1.0, t.presence(0), 1e-12);
    Scene purple = PromptParser.parse("a large purple circle on a black background").scene();
    Scene green = PromptParser.parse("a large green circle on a black background").scene();
    Video video = clip("a large purple circle moves in a circle clockwise on a black background");
    assertEquals(0.0, Trajectories.of(video, green).presence(0), 1e-12);
    assertEquals(1.0, Trajectories.of(video, purple).presence(0), 1e-12);
  }
}
