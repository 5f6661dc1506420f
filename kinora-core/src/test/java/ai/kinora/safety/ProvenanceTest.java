package ai.kinora.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written as generated carry the record and the mark; other files carry neither. */
class ProvenanceTest {

  @TempDir Path dir;

  static final ProvenanceRecord RECORD =
      new ProvenanceRecord(
          "generate",
          "a small red circle moves to the right on a gray background, \"café\" ✓",
          "A small red circle starts on the left and moves to the right.",
          7,
          8,
          4.0,
          "dit:0123456789abcdef/vae:fedcba9876543210",
          Instant.parse("2026-11-23T20:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {"mp4", "webm", "gif", "png", "jpg"})
  void aGeneratedFileCarriesTheRecordAndTheMark(String ext) {
    List<RgbFrame> clip =
        WatermarkTest.render(
            "a large purple circle moves in a circle clockwise on a black" + " background");
    List<RgbFrame> frames = ext.equals("png") || ext.equals("jpg") ? clip.subList(0, 1) : clip;
    Path file = dir.resolve("out." + ext);
    Provenance.write(file, frames, 8, RECORD, () -> {});
    Provenance.Report report = Provenance.check(file);
    assertEquals(Optional.of(RECORD), report.record());
    assertTrue(report.watermark().present(), ext + ": z = " + report.watermark().z());
    assertTrue(report.madeByKinora());
  }

  @Test
  void aPlainFileCarriesNeitherAndItsOwnCommentIsReported() {
    List<RgbFrame> clip = WatermarkTest.render("a blue square falls on a gray background");
    Path file = dir.resolve("plain.mp4");
    try (VideoWriter w =
        VideoWriter.open(file, 128, 128, 8, ai.kinora.media.EncodeOptions.DEFAULT, "holiday")) {
      clip.forEach(w::write);
    }
    Provenance.Report report = Provenance.check(file);
    assertEquals(Optional.empty(), report.record());
    assertEquals("holiday", report.comment());
    assertFalse(report.watermark().present(), "z = " + report.watermark().z());
    assertFalse(report.madeByKinora());
  }

  @Test
  void theRecordRoundTripsAndOnlyKinoraRecordsParse() {
    assertEquals(Optional.of(RECORD), ProvenanceRecord.parse(RECORD.toJson()));
    assertTrue(RECORD.toJson().chars().allMatch(c -> c < 128), "ASCII: " + RECORD.toJson());
    assertEquals(Optional.empty(), ProvenanceRecord.parse("{\"generator\":\"other\"}"));
    assertEquals(Optional.empty(), ProvenanceRecord.parse("{not json"));
    assertEquals(Optional.empty(), ProvenanceRecord.parse(null));
    assertEquals(8, RECORD.withSeed(8).seed());
  }

  @Test
  void aPlainVideoIsNotMistakenForAStill() {
    Path file = dir.resolve("v.gif");
    VideoWriter.write(file, new Video(WatermarkTest.render("a red star on a white background"), 8));
    assertFalse(Provenance.check(file).madeByKinora());
  }

  @Test
  void aTinyPictureIsNotJudgedAndAMissingFileIsNamed() throws java.io.IOException {
    Path tiny = dir.resolve("tiny.png");
    VideoWriter.write(tiny, new Video(List.of(RgbFrame.filled(8, 8, 0x808080)), 8));
    Provenance.Report report = Provenance.check(tiny);
    assertFalse(report.watermark().judged());
    assertFalse(report.madeByKinora());
    ai.kinora.media.MediaException missing =
        org.junit.jupiter.api.Assertions.assertThrows(
            ai.kinora.media.MediaException.class, () -> Provenance.check(dir.resolve("none.mp4")));
    assertTrue(missing.getMessage().endsWith("there is no such file"), missing.getMessage());
    Path notes = dir.resolve("notes.mp4");
    java.nio.file.Files.writeString(notes, "not a video\n");
    ai.kinora.media.MediaException text =
        org.junit.jupiter.api.Assertions.assertThrows(
            ai.kinora.media.MediaException.class, () -> Provenance.check(notes));
    assertTrue(text.getMessage().endsWith("is a text file, not a video"), text.getMessage());
  }

  @Test
  void framesThatCarryTheMarkAreNotMarkedTwice() {
    Watermark mark = Watermark.kinora();
    List<RgbFrame> clip = WatermarkTest.render("a small red circle moves to the right");
    List<RgbFrame> input = mark.embed(clip.subList(0, 8)); // an earlier Kinora output
    List<RgbFrame> fresh = clip.subList(8, 16);
    List<RgbFrame> all = new java.util.ArrayList<>(input);
    all.addAll(fresh);
    Path frames = dir.resolve("seq/f_%04d.png");
    Provenance.write(frames, all, 8, RECORD, () -> {});
    List<RgbFrame> back = ai.kinora.media.VideoReader.read(frames).frames();
    for (int i = 0; i < 8; i++) {
      assertTrue(back.get(i).samePixels(input.get(i)), "input frame " + i + " left as it was");
      assertTrue(back.get(8 + i).samePixels(mark.embed(fresh.get(i))), "new frame " + i);
    }
  }
}
