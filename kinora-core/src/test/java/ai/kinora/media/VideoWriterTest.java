package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's contract: atomic output, clear refusals, sequences, options, streaming reads. */
class VideoWriterTest {

  @TempDir Path dir;

  private static final byte[] OLD = "an older file that must survive".getBytes();

  /** Every file under {@code dir}, relative, so leftover temporaries show up in a failure. */
  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void createsFoldersAndLeavesNoTemporaries() throws IOException {
    Path out = dir.resolve("a/b/clip.mp4");
    VideoWriter.write(out, TestClips.world(64, 64, 9, 8, TestClips.GRAY));
    assertEquals(List.of("a/b/clip.mp4"), listing());
  }

  @Test
  void failedWriteLeavesTheOldFileUntouched() throws IOException {
    for (String name : new String[] {"keep.mp4", "keep.webm", "keep.gif", "keep.png"}) {
      Path out = Files.write(dir.resolve(name), OLD);
      VideoWriter w = VideoWriter.open(out, 64, 64, 8);
      w.write(TestClips.frame(64, 64, 0, TestClips.GRAY));
      MediaException e =
          assertThrows(MediaException.class, () -> w.write(RgbFrame.filled(32, 32, 0)));
      assertTrue(e.getMessage().contains("frame 1 is 32x32 but the writer was opened for 64x64"));
      w.close(); // after a failed write, close only cleans up
      assertArrayEquals(OLD, Files.readAllBytes(out), name);
    }
    assertEquals(List.of("keep.gif", "keep.mp4", "keep.png", "keep.webm"), listing());
  }

  @Test
  void abortAndEmptyClipsWriteNothing() throws IOException {
    Path out = Files.write(dir.resolve("old.mp4"), OLD);
    try (VideoWriter w = VideoWriter.open(out, 64, 64, 8)) {
      w.write(TestClips.frame(64, 64, 0, TestClips.GRAY));
      w.abort();
    }
    assertArrayEquals(OLD, Files.readAllBytes(out));
    VideoWriter empty = VideoWriter.open(dir.resolve("empty.gif"), 64, 64, 8);
    MediaException e = assertThrows(MediaException.class, empty::close);
    assertTrue(e.getMessage().endsWith("empty.gif: no frames were written, so no file was made"));
    assertEquals(List.of("old.mp4"), listing());
  }

  @Test
  void successfulWriteReplacesTheOldFile() throws IOException {
    Path out = Files.write(dir.resolve("clip.gif"), OLD);
    VideoWriter.write(out, TestClips.world(64, 64, 3, 8, TestClips.NAVY));
    assertEquals(3, VideoReader.read(out).frameCount());
  }

  @Test
  void refusesWhatItCannotWrite() {
    RgbFrame odd = RgbFrame.filled(33, 17, 0x336699);
    Video oddClip = new Video(List.of(odd), 8);
    for (String name : new String[] {"odd.mp4", "odd.webm"}) {
      MediaException e =
          assertThrows(MediaException.class, () -> VideoWriter.write(dir.resolve(name), oddClip));
      assertTrue(e.getMessage().contains("needs an even width and height"), e.getMessage());
    }
    // GIF and PNG have no chroma subsampling: odd sizes are fine there.
    VideoWriter.write(dir.resolve("odd.gif"), oddClip);
    assertTrue(odd.samePixels(VideoReader.read(dir.resolve("odd.gif")).frames().get(0)));

    MediaException webp =
        assertThrows(MediaException.class, () -> VideoWriter.open(dir.resolve("x.webp"), 8, 8, 8));
    assertTrue(webp.getMessage().contains("Kinora reads .webp files but does not write them"));
    MediaException second =
        assertThrows(
            MediaException.class,
            () -> VideoWriter.write(dir.resolve("two.jpg"), new Video(List.of(odd, odd), 8)));
    assertTrue(second.getMessage().contains("a .jpg path holds one image"), second.getMessage());
    assertFalse(java.nio.file.Files.exists(dir.resolve("two.jpg")));
    MediaException fast =
        assertThrows(MediaException.class, () -> VideoWriter.open(dir.resolve("x.gif"), 8, 8, 60));
    assertTrue(fast.getMessage().contains("GIF cannot play faster than 50 fps"));
    assertThrows(
        IllegalArgumentException.class, () -> VideoWriter.open(dir.resolve("x.mp4"), 0, 8, 8));
    assertThrows(IllegalArgumentException.class, () -> new EncodeOptions(52, "medium", 28, 4));
    assertThrows(IllegalArgumentException.class, () -> EncodeOptions.DEFAULT.withPreset("quick"));
  }

  @Test
  void singlePngRefusesASecondFrame() throws IOException {
    Path out = dir.resolve("still.png");
    VideoWriter w = VideoWriter.open(out, 16, 16, 8);
    w.write(RgbFrame.filled(16, 16, TestClips.RED));
    MediaException e =
        assertThrows(MediaException.class, () -> w.write(RgbFrame.filled(16, 16, TestClips.BLUE)));
    assertTrue(e.getMessage().contains("use a numbered pattern such as still_%04d.png"));
    w.close();
    assertFalse(Files.exists(out));
    assertEquals(List.of(), listing());
  }

  @Test
  void sequenceNumbersFromZeroAndReplacesALongerOne() throws IOException {
    Path pattern = dir.resolve("seq/f_%03d.png");
    VideoWriter.write(pattern, TestClips.world(32, 32, 5, 8, TestClips.GRAY));
    VideoWriter.write(pattern, TestClips.world(32, 32, 3, 8, TestClips.NAVY));
    assertEquals(List.of("seq/f_000.png", "seq/f_001.png", "seq/f_002.png"), listing());
    Video back = VideoReader.read(pattern, 12);
    assertEquals(3, back.frameCount());
    assertEquals(12.0, back.fps());
    assertTrue(TestClips.frame(32, 32, 2, TestClips.NAVY).samePixels(back.frames().get(2)));
    assertEquals(new MediaInfo(32, 32, 8.0, 3, "png", "png-sequence"), VideoReader.probe(pattern));
  }

  @Test
  void lowerCrfMeansCloserFramesAndBiggerFiles() throws IOException {
    Video clip = TestClips.world(128, 128, 9, 8, TestClips.GRAY);
    Path fine = dir.resolve("fine.mp4");
    Path coarse = dir.resolve("coarse.mp4");
    VideoWriter.write(fine, clip, EncodeOptions.DEFAULT.withCrf(10).withPreset("veryfast"));
    VideoWriter.write(coarse, clip, EncodeOptions.DEFAULT.withCrf(40).withPreset("veryfast"));
    double fineError = TestClips.meanError(clip, VideoReader.read(fine));
    double coarseError = TestClips.meanError(clip, VideoReader.read(coarse));
    assertTrue(fineError < coarseError, fineError + " vs " + coarseError);
    assertTrue(Files.size(fine) > Files.size(coarse));
  }

  @Test
  void frameSourceStreamsFrameByFrame() {
    Path out = dir.resolve("stream.webm");
    Video clip = TestClips.world(64, 64, 17, 8, TestClips.GRAY);
    VideoWriter.write(out, clip);
    try (FrameSource source = VideoReader.open(out)) {
      assertEquals(64, source.width());
      assertEquals(8.0, source.fps(), 1e-9);
      assertEquals("vp9", source.info().codec());
      assertEquals("webm", source.info().container());
      int n = 0;
      while (source.hasNext()) {
        RgbFrame f = source.next();
        assertTrue(f.meanAbsoluteError(clip.frames().get(n)) < 4, "frame " + n);
        n++;
        assertEquals(n, source.framesRead());
      }
      assertEquals(17, n);
      assertFalse(source.hasNext());
    }
  }
}
