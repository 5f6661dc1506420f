package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MP4 Kinora writes is what browsers play: H.264 High, yuv420p, index before data (faststart),
 * and FFmpeg's own ffprobe agrees on frame count, size and rate.
 */
class Mp4ComplianceTest {

  @TempDir Path dir;

  @Test
  void ffprobeSeesH264Yuv420pWithTheRightCountSizeAndRate() throws Exception {
    Path file = dir.resolve("clip.mp4");
    VideoWriter.write(file, TestClips.world(160, 96, 25, 8, TestClips.GRAY));

    String json =
        TestClips.ffprobe(
            "-v",
            "error",
            "-count_frames",
            "-select_streams",
            "v:0",
            "-show_streams",
            "-show_format",
            "-of",
            "json",
            file.toString());
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode stream = root.path("streams").get(0);
    assertEquals("h264", stream.path("codec_name").asText());
    assertEquals("High", stream.path("profile").asText());
    assertEquals("yuv420p", stream.path("pix_fmt").asText());
    assertEquals(160, stream.path("width").asInt());
    assertEquals(96, stream.path("height").asInt());
    assertEquals("8/1", stream.path("r_frame_rate").asText());
    assertEquals("8/1", stream.path("avg_frame_rate").asText());
    assertEquals(25, stream.path("nb_read_frames").asInt());
    assertEquals(25, stream.path("nb_frames").asInt());
    assertEquals("smpte170m", stream.path("color_space").asText());
    assertTrue(root.path("format").path("format_name").asText().contains("mp4"));

    MediaInfo info = VideoReader.probe(file);
    assertEquals(new MediaInfo(160, 96, 8.0, 25, "h264", "mp4"), info);
  }

  @Test
  void moovComesBeforeMdat() throws IOException {
    Path file = dir.resolve("fast.mp4");
    VideoWriter.write(file, TestClips.world(64, 64, 17, 8, TestClips.NAVY));
    List<String> boxes = topLevelBoxes(Files.readAllBytes(file));
    assertEquals("ftyp", boxes.get(0), "boxes " + boxes);
    assertTrue(boxes.contains("moov") && boxes.contains("mdat"), "boxes " + boxes);
    assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "faststart: boxes " + boxes);
  }

  /** Walks the top-level ISO-BMFF boxes: 32-bit size, 4-byte type, optional 64-bit size. */
  static List<String> topLevelBoxes(byte[] data) {
    List<String> names = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(data);
    long pos = 0;
    while (pos + 8 <= data.length) {
      long size = b.getInt((int) pos) & 0xFFFFFFFFL;
      names.add(new String(data, (int) pos + 4, 4, StandardCharsets.ISO_8859_1));
      if (size == 1) {
        size = b.getLong((int) pos + 8);
      } else if (size == 0) {
        size = data.length - pos;
      }
      if (size < 8) {
        break;
      }
      pos += size;
    }
    return names;
  }
}
