package ai.kinora.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import ai.kinora.world.Canvas;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mark is found in marked frames, through H.264, and not in unmarked or other-key frames. */
class WatermarkTest {

  @TempDir Path dir;

  final Watermark mark = Watermark.kinora();

  static List<RgbFrame> render(Scene scene, int w, int h, long seed) {
    SceneRenderer renderer = new SceneRenderer(scene, new Canvas(w, h), seed);
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = 0; i < SceneRenderer.frameCount(scene.durationSeconds(), 8); i++) {
      frames.add(renderer.renderFrame(i, 8));
    }
    return frames;
  }

  static List<RgbFrame> render(String prompt) {
    return render(PromptParser.parse(prompt).scene(), 128, 128, 0);
  }

  @Test
  void changesEachPixelByTheAmplitudeAtMost() {
    RgbFrame gray = RgbFrame.filled(16, 12, 0x808080);
    RgbFrame marked = mark.embed(gray);
    int plus = 0;
    for (int i = 0; i < gray.rgb().length; i++) {
      int d = (marked.rgb()[i] & 0xFF) - 0x80;
      assertEquals(Watermark.AMPLITUDE, Math.abs(d));
      plus += d > 0 ? 1 : 0;
    }
    assertTrue(plus > 0 && plus < gray.rgb().length, "both signs occur");
    RgbFrame white = mark.embed(RgbFrame.filled(16, 12, 0xFFFFFF));
    for (byte b : white.rgb()) {
      assertTrue((b & 0xFF) >= 255 - Watermark.AMPLITUDE, "clamped, not wrapped");
    }
  }

  @Test
  void unmarkedClipsStayFarBelowTheThreshold() {
    SceneSampler sampler = new SceneSampler(SceneSampler.Settings.defaults(), 3);
    for (int i = 0; i < 12; i++) {
      Scene scene = sampler.nextScene().withDuration(1);
      List<RgbFrame> frames = render(scene, 128, 96, i);
      Watermark.Detection d = mark.detect(frames);
      assertTrue(Math.abs(d.z()) < 4, "unmarked scene " + i + ": z = " + d.z());
      assertEquals(32 * 24, d.blocks());
    }
  }

  @Test
  void markedClipsAreFoundAndAnotherKeyFindsNothing() {
    List<RgbFrame> marked = mark.embed(render("a large yellow star spins on a navy background"));
    Watermark.Detection d = mark.detect(marked);
    assertTrue(d.present(), "z = " + d.z());
    assertEquals(32, d.frames());
    Watermark other = new Watermark(Watermark.KINORA_KEY + 1, Watermark.BLOCK, Watermark.AMPLITUDE);
    assertFalse(other.detect(marked).present(), "z = " + other.detect(marked).z());
  }

  @Test
  void survivesH264AndTheReadBack() {
    List<RgbFrame> clip = render("a small red circle moves to the right on a forest background");
    Path plain = dir.resolve("plain.mp4");
    Path marked = dir.resolve("marked.mp4");
    VideoWriter.write(plain, new Video(clip, 8));
    VideoWriter.write(marked, new Video(mark.embed(clip), 8));
    double zPlain = mark.detect(VideoReader.read(plain).frames()).z();
    double zMarked = mark.detect(VideoReader.read(marked).frames()).z();
    assertTrue(Math.abs(zPlain) < 4, "unmarked through H.264: z = " + zPlain);
    assertTrue(zMarked > 2 * Watermark.THRESHOLD, "marked through H.264: z = " + zMarked);
  }

  @Test
  void refusesWhatItCannotJudge() {
    assertThrows(IllegalArgumentException.class, () -> mark.detect(List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> mark.detect(List.of(RgbFrame.filled(10, 40, 0))));
    assertEquals("10x40 is too small to hold a watermark (at least 12 px a side)", e.getMessage());
  }
}
