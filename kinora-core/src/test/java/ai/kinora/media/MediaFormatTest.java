package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Extension-based format choice, and the sequence-pattern rules of PNG paths. */
class MediaFormatTest {

  @Test
  void picksTheFormatByExtensionIgnoringCase() {
    assertEquals(MediaFormat.MP4, MediaFormat.forPath(Path.of("a/clip.MP4")));
    assertEquals(MediaFormat.WEBM, MediaFormat.forPath(Path.of("clip.webm")));
    assertEquals(MediaFormat.GIF, MediaFormat.forPath(Path.of("clip.gif")));
    assertEquals(MediaFormat.PNG, MediaFormat.forPath(Path.of("frames/f_%04d.png")));
    assertEquals(MediaFormat.JPEG, MediaFormat.forPath(Path.of("p.jpeg")));
    assertEquals(MediaFormat.JPEG, MediaFormat.forPath(Path.of("p.JPG")));
    assertEquals(MediaFormat.WEBP, MediaFormat.forPath(Path.of("p.webp")));
    assertEquals(MediaFormat.MOV, MediaFormat.forPath(Path.of("p.mov")));
    assertTrue(MediaFormat.GIF.writable());
    assertFalse(MediaFormat.MOV.writable());
  }

  @Test
  void explainsUnsupportedExtensions() {
    MediaException e =
        assertThrows(MediaException.class, () -> MediaFormat.forPath(Path.of("a.txt")));
    assertEquals(
        "a.txt: unsupported extension .txt; Kinora reads .mp4 .webm .mov .gif .png .jpg .jpeg"
            + " .webp",
        e.getMessage());
    assertEquals(Path.of("a.txt"), e.file());
    MediaException hidden =
        assertThrows(MediaException.class, () -> MediaFormat.forPath(Path.of(".mp4")));
    assertTrue(hidden.getMessage().contains("has no extension"));
    MediaException write =
        assertThrows(MediaException.class, () -> MediaFormat.forWriting(Path.of("x.avi")));
    assertEquals(
        "x.avi: unsupported extension .avi; Kinora writes .mp4 .webm .gif .png .jpg",
        write.getMessage());
  }

  @Test
  void sequencePatternsAreValidated() {
    assertTrue(ImageSequence.isPattern(Path.of("frames/f_%04d.png")));
    assertTrue(ImageSequence.isPattern(Path.of("f%d.png")));
    assertTrue(ImageSequence.isPattern(Path.of("100%%_f%03d.png")));
    assertFalse(ImageSequence.isPattern(Path.of("still.png")));
    assertEquals(
        Path.of("frames/f_0012.png"), ImageSequence.frame(Path.of("frames/f_%04d.png"), 12));
    assertEquals(Path.of("100%_f007.png"), ImageSequence.frame(Path.of("100%%_f%03d.png"), 7));
    for (String bad : new String[] {"f_%s.png", "f_%d_%d.png", "f_%4d.png", "50%.png"}) {
      assertThrows(MediaException.class, () -> ImageSequence.isPattern(Path.of(bad)), bad);
    }
  }
}
