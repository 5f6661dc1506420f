package ai.kinora.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset manifest: Kinora World entries round-trip; users' simpler lines are accepted. */
class ManifestTest {

  @TempDir Path dir;

  @Test
  void worldEntriesRoundTripWithCaptionsAndScene() {
    Scene scene = new SceneSampler(SceneSampler.Settings.defaults(), 7).nextScene();
    ManifestEntry entry =
        new ManifestEntry(
            "clips/000000.mp4",
            List.of(
                Captioner.caption(scene, CaptionStyle.SHORT),
                Captioner.caption(scene, CaptionStyle.DESCRIPTIVE)),
            List.of("short", "descriptive"),
            Optional.of(scene));
    Manifest.write(dir, List.of(entry));
    assertEquals(List.of(entry), Manifest.read(dir));
  }

  @Test
  void usersGiveAFileAndACaptionOrAListOfCaptions() throws IOException {
    Files.writeString(
        dir.resolve(Manifest.FILE_NAME),
        "{\"file\":\"walk.mp4\",\"caption\":\"a dog walks along a beach\"}\n\n"
            + "{\"file\":\"cat.png\",\"captions\":[\"a cat\",\"a grey cat sleeping\"]}\n");
    List<ManifestEntry> entries = Manifest.read(dir);
    assertEquals(2, entries.size());
    assertEquals(List.of("a dog walks along a beach"), entries.get(0).captions());
    assertEquals(List.of("a cat", "a grey cat sleeping"), entries.get(1).captions());
    assertTrue(entries.get(1).scene().isEmpty());
    assertTrue(entries.get(1).captionStyles().isEmpty());
  }

  @Test
  void errorsNameTheLineAndTheProblem() throws IOException {
    Path file = dir.resolve(Manifest.FILE_NAME);
    Files.writeString(file, "{\"file\":\"a.mp4\",\"caption\":\"ok\"}\n{\"file\":\"b.mp4\"}\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir));
    assertTrue(
        e.getMessage().contains("line 2") && e.getMessage().contains("caption"), e.getMessage());

    Files.writeString(file, "{\"file\":\"a.mp4\",\"caption\":\"ok\"}\nnot json\n");
    e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir));
    assertTrue(
        e.getMessage().contains("line 2") && e.getMessage().contains("invalid JSON"),
        e.getMessage());

    Files.writeString(file, "");
    e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir));
    assertTrue(e.getMessage().contains("no clips"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir.resolve("none")));
    assertTrue(e.getMessage().contains("not a Kinora dataset"), e.getMessage());
  }
}
