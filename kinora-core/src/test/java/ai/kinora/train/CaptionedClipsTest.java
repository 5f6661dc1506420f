package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.EncodeOptions;
import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import ai.kinora.text.Tokenizer;
import ai.kinora.world.Canvas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset folder as DiT training data: windows at the model's frame rate whatever the file's,
 * frames fitted to the bucket's canvas, the entry's captions, images as still clips, and a
 * vocabulary that knows the captions' words.
 */
class CaptionedClipsTest {

  @TempDir Path dir;

  /** 48 frames at 24 fps whose grey level is the frame index x 5, and one still image. */
  Path dataset() throws IOException {
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      int v = i * 5;
      frames.add(RgbFrame.filled(64, 48, v << 16 | v << 8 | v));
    }
    Files.createDirectories(dir.resolve("clips"));
    VideoWriter.write(dir.resolve("clips/ramp.mp4"), new Video(frames, 24), EncodeOptions.DEFAULT);
    VideoWriter.write(
        dir.resolve("clips/still.png"),
        new Video(List.of(frames.get(20)), 8),
        EncodeOptions.DEFAULT);
    Files.writeString(
        dir.resolve("manifest.jsonl"),
        "{\"file\": \"clips/ramp.mp4\", \"captions\": [\"a grey ramp brightens\", \"light rising\"]}\n"
            + "{\"file\": \"clips/still.png\", \"caption\": \"a quiet grey wall\"}\n");
    return dir;
  }

  @Test
  void windowsAreTakenAtTheModelsRateAndFittedToTheCanvas() throws IOException {
    CaptionedClips data = new CaptionedClips(dataset());
    List<RgbFrame> source = VideoReader.read(dir.resolve("clips/ramp.mp4")).frames();
    Canvas canvas = new Canvas(32, 32);
    int videos = 0;
    for (long seed = 0; seed < 12; seed++) {
      CaptionedClips.Drawn d = data.draw(new SplittableRandom(seed), 5, canvas, 8);
      assertEquals(5, d.frames().size());
      for (RgbFrame f : d.frames()) {
        assertEquals(32, f.width());
        assertEquals(32, f.height());
      }
      if (d.caption().equals("a quiet grey wall")) {
        assertTrue(d.frames().get(4).samePixels(d.frames().get(0)), "an image is a still clip");
        continue;
      }
      videos++;
      assertTrue(List.of("a grey ramp brightens", "light rising").contains(d.caption()));
      // 8 fps from 24: every third source frame, so the grey level rises by 15 per frame.
      int start = -1;
      for (int s = 0; s + 12 < source.size() && start < 0; s++) {
        if (Resample.cropToAspect(source.get(s), 32, 32).meanAbsoluteError(d.frames().get(0)) < 1) {
          start = s;
        }
      }
      assertTrue(start >= 0, "the window starts at a source frame");
      for (int i = 0; i < 5; i++) {
        RgbFrame expected = Resample.cropToAspect(source.get(start + 3 * i), 32, 32);
        assertTrue(expected.meanAbsoluteError(d.frames().get(i)) < 1, "frame " + i);
      }
    }
    assertTrue(videos > 0 && videos < 12, videos + " of 12 draws were the video");
  }

  @Test
  void theSameGeneratorGivesTheSameClip() throws IOException {
    CaptionedClips data = new CaptionedClips(dataset());
    CaptionedClips.Drawn a = data.draw(new SplittableRandom(3), 9, new Canvas(48, 32), 8);
    CaptionedClips.Drawn b = data.draw(new SplittableRandom(3), 9, new Canvas(48, 32), 8);
    assertEquals(a.caption(), b.caption());
    for (int i = 0; i < 9; i++) {
      assertTrue(a.frames().get(i).samePixels(b.frames().get(i)));
    }
  }

  @Test
  void theVocabularyAddsTheCaptionsWordsAfterKinoraWorlds() throws IOException {
    CaptionedClips data = new CaptionedClips(dataset());
    Tokenizer world = Tokenizer.fromWorld();
    Tokenizer mine = Tokenizer.fromWorldAnd(data.captions());
    assertTrue(world.encode("a quiet grey wall", 32).unknown().contains("quiet"));
    assertTrue(mine.encode("a quiet grey wall", 32).unknown().isEmpty());
    assertEquals(world.vocabulary(), mine.vocabulary().subList(0, world.size()));
    assertTrue(mine.vocabulary().containsAll(List.of("quiet", "ramp", "brightens", "rising")));
  }
}
