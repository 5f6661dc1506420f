package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A comment written into each format's metadata reads back unchanged; no comment reads empty. */
class MediaCommentTest {

  @TempDir Path dir;

  static final String COMMENT =
      "{\"generator\":\"Kinora\",\"prompt\":\"a caf\\u00e9 \\\"sign\\\"; 100% red\"}";

  static List<RgbFrame> frames(int n) {
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frames.add(RgbFrame.filled(32, 24, 0x204080 + i * 0x030303));
    }
    return frames;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mp4", "webm", "gif", "png", "jpg"})
  void theCommentReadsBack(String ext) {
    Path file = dir.resolve("c." + ext);
    List<RgbFrame> frames = frames(ext.equals("png") || ext.equals("jpg") ? 1 : 6);
    VideoWriter.write(file, 32, 24, 8, frames.size(), frames::get, () -> {}, COMMENT);
    assertEquals(Optional.of(COMMENT), MediaComment.read(file));
    Video back = VideoReader.read(file);
    assertEquals(frames.size(), back.frames().size());
    assertEquals(32, back.width());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mp4", "webm", "gif", "png", "jpg"})
  void aFileWithoutACommentReadsEmpty(String ext) {
    Path file = dir.resolve("plain." + ext);
    List<RgbFrame> frames = frames(1);
    VideoWriter.write(file, 32, 24, 8, 1, frames::get, () -> {});
    assertEquals(Optional.empty(), MediaComment.read(file));
  }

  @Test
  void aJpegIsWrittenCloseToItsFrame() {
    Path file = dir.resolve("still.jpeg");
    RgbFrame frame = RgbFrame.filled(40, 30, 0xC83232);
    VideoWriter.write(file, 40, 30, 8, 1, i -> frame, () -> {});
    RgbFrame back = VideoReader.read(file).frames().get(0);
    assertEquals(40, back.width());
    assertEquals(30, back.height());
    assertTrue(back.meanAbsoluteError(frame) < 3, "mean error " + back.meanAbsoluteError(frame));
  }
}
