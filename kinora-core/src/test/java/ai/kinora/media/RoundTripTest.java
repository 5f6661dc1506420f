package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-then-read round trips of every writable format, with measured error figures. */
class RoundTripTest {

  @TempDir Path dir;

  private Video roundTrip(String name, Video clip) {
    Path file = dir.resolve(name);
    VideoWriter.write(file, clip);
    Video back = VideoReader.read(file);
    assertEquals(clip.frameCount(), back.frameCount(), name + " frame count");
    assertEquals(clip.width(), back.width(), name + " width");
    assertEquals(clip.height(), back.height(), name + " height");
    return back;
  }

  @Test
  void mp4KeepsFramesSizeRateAndColours() {
    Video clip = TestClips.world(160, 96, 25, 8, TestClips.GRAY);
    Video back = roundTrip("clip.mp4", clip);
    assertEquals(8.0, back.fps(), 1e-3);
    double mae = TestClips.meanError(clip, back);
    System.out.printf("MP4 crf 18: MAE %.3f, max %d%n", mae, TestClips.maxError(clip, back));
    assertTrue(mae <= 3.0, "MP4 MAE " + mae);
  }

  @Test
  void mp4KeepsNtscRate() {
    Video clip = TestClips.world(128, 128, 17, 30000.0 / 1001, TestClips.NAVY);
    Video back = roundTrip("ntsc.mp4", clip);
    assertEquals(30000.0 / 1001, back.fps(), 1e-3);
  }

  @Test
  void webmKeepsFramesSizeRateAndColours() {
    Video clip = TestClips.world(160, 96, 25, 8, TestClips.NAVY);
    Video back = roundTrip("clip.webm", clip);
    assertEquals(8.0, back.fps(), 1e-3);
    double mae = TestClips.meanError(clip, back);
    System.out.printf("WebM crf 28: MAE %.3f, max %d%n", mae, TestClips.maxError(clip, back));
    assertTrue(mae <= 3.0, "WebM MAE " + mae);
  }

  @Test
  void gifIsExactForFewColours() {
    Video clip = TestClips.world(64, 64, 17, 8, TestClips.GRAY);
    Video back = roundTrip("clip.gif", clip);
    assertEquals(8.0, back.fps(), 1e-9);
    assertEquals(0, TestClips.maxError(clip, back));
  }

  @Test
  void pngSingleIsExact() {
    Video clip = TestClips.world(64, 64, 1, 8, TestClips.NAVY);
    Video back = roundTrip("still.png", clip);
    assertTrue(clip.frames().get(0).samePixels(back.frames().get(0)));
    assertEquals(VideoReader.UNTIMED_FPS, back.fps());
  }

  @Test
  void pngSequenceIsExact() {
    Video clip = TestClips.world(64, 64, 17, 8, TestClips.GRAY);
    Video back = roundTrip("frames/f_%04d.png", clip);
    for (int i = 0; i < clip.frameCount(); i++) {
      assertTrue(clip.frames().get(i).samePixels(back.frames().get(i)), "frame " + i);
    }
  }
}
