package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.world.Background;
import ai.kinora.world.CaptionWording;
import ai.kinora.world.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests {@link DitBatches}: a pure function of (seed, step), and its mirrored pairs. */
class DitBatchesTest {

  @Test
  void batchesAreAFunctionOfSeedAndStep() {
    DitBatches a = new DitBatches(DitBuckets.TINY, FrameMasks.DEFAULT, 1, 7);
    DitBatches b =
        new DitBatches(
            DitBuckets.TINY, FrameMasks.DEFAULT, 1, 7, null, false, CaptionWording.DIRECTIONAL);
    for (long step : new long[] {0, 1, 5}) {
      DitBatches.Batch x = a.batch(step);
      DitBatches.Batch y = b.batch(step);
      assertEquals(x.scenes(), y.scenes());
      assertEquals(x.captions(), y.captions());
      assertTrue(x.clips().get(0).get(0).samePixels(y.clips().get(0).get(0)));
    }
    assertNotEquals(a.batch(0).scenes(), a.batch(1).scenes());
  }

  @Test
  void mirroredPairsDifferOnlyInLeftAndRight() {
    DitBatches pairs =
        new DitBatches(
            DitBuckets.TINY, FrameMasks.DEFAULT, 1, 7, null, true, CaptionWording.DIRECTIONAL);
    int directional = 0;
    int checked = 0;
    for (long step = 0; step < 12; step++) {
      DitBatches.Batch batch = pairs.batch(step);
      List<Scene> scenes = batch.scenes();
      assertEquals(batch.bucket().batch(), scenes.size());
      for (int i = 1; i < scenes.size(); i += 2) {
        assertEquals(scenes.get(i - 1).mirrored(), scenes.get(i), "step " + step + " clip " + i);
        String caption = batch.captions().get(i - 1);
        String swapped =
            caption
                .replace("counterclockwise", "\1")
                .replace("clockwise", "counterclockwise")
                .replace("\1", "clockwise")
                .replace("left", "\0")
                .replace("right", "left")
                .replace("\0", "right");
        assertEquals(swapped, batch.captions().get(i), "the same style, directions swapped");
        directional += caption.equals(batch.captions().get(i)) ? 0 : 1;
        // The first frames are each other's mirror image up to anti-aliasing, where no night
        // stars or snowflakes (placed by the render seed, not mirrored) are drawn.
        Scene scene = scenes.get(i);
        if (!scene.snow() && scene.background() != Background.NIGHT) {
          RgbFrame first = batch.clips().get(i - 1).get(0);
          RgbFrame second = batch.clips().get(i).get(0);
          assertTrue(mirror(first).meanAbsoluteError(second) < 1.5, "step " + step + " " + scene);
          checked++;
        }
      }
      if (scenes.size() > 2) {
        assertNotEquals(scenes.get(0), scenes.get(2), "each pair is a new scene");
      }
    }
    assertTrue(directional > 0, "some pairs' captions differ");
    assertTrue(checked > 3, "pixels compared in " + checked + " pairs");
  }

  private static RgbFrame mirror(RgbFrame frame) {
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
