package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.data.Manifest;
import ai.kinora.data.ManifestEntry;
import ai.kinora.media.MediaInfo;
import ai.kinora.media.VideoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kinora} commands run in-process, as a user would type them, on real files. */
class KinoraCommandTest {

  @TempDir Path dir;

  @Test
  void helpListsEveryCommandWithExamples() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.exitCode());
    for (String word : List.of("world", "score", "bench", "Examples", "./kinora test")) {
      assertTrue(r.out().contains(word), () -> "help lacks " + word + ":\n" + r.out());
    }
  }

  @Test
  void aCommandIsBuiltAloneAndHelpsAsWithAllTheOthers() {
    picocli.CommandLine alone = Main.commandLine(new String[] {"generate", "a prompt"});
    assertEquals(List.of("generate"), List.copyOf(alone.getSubcommands().keySet()));
    picocli.CommandLine all = Main.commandLine();
    assertEquals(15, all.getSubcommands().size());
    for (String[] args :
        List.of(new String[] {}, new String[] {"help", "generate"}, new String[] {"bogus"})) {
      assertEquals(all.getSubcommands().keySet(), Main.commandLine(args).getSubcommands().keySet());
    }
    assertEquals(
        all.getSubcommands().get("generate").getUsageMessage(),
        alone.getSubcommands().get("generate").getUsageMessage());
  }

  @Test
  void worldWritesTheClipOfAPromptWithTheRequestedSizeRateAndLength() {
    Path clip = dir.resolve("c.mp4");
    CliRun r =
        CliRun.run(
            "world",
            "a small red circle moves to the right on a gray background",
            "-o",
            clip.toString(),
            "--size",
            "160x96",
            "--seconds",
            "2",
            "--fps",
            "10");
    assertEquals(0, r.exitCode(), r.err());
    MediaInfo info = VideoReader.probe(clip);
    assertEquals(160, info.width());
    assertEquals(96, info.height());
    assertEquals(10.0, info.fps(), 1e-6);
    assertEquals(20, VideoReader.read(clip).frameCount());
    assertEquals("h264", info.codec());
  }

  @Test
  void theClipKinoraRendersPassesTheScorerAndTheWrongPromptFails() {
    Path clip = dir.resolve("c.webm");
    String prompt = "a large blue star spins on a dusk background";
    assertEquals(0, CliRun.run("world", prompt, "-o", clip.toString()).exitCode());
    CliRun good = CliRun.run("score", clip.toString(), "--prompt", prompt);
    assertEquals(0, good.exitCode(), good.err());
    assertTrue(good.out().contains("ALL PASSED"), good.out());
    CliRun bad =
        CliRun.run(
            "score", clip.toString(), "--prompt", "a large blue circle on a gray background");
    assertTrue(bad.out().contains("FAILED"), bad.out());
  }

  @Test
  void datasetWritesClipsAndAManifestThatReadsBack() throws IOException {
    Path out = dir.resolve("data");
    CliRun r =
        CliRun.run(
            "world",
            "dataset",
            "--count",
            "6",
            "-o",
            out.toString(),
            "--size",
            "64x64,96x64",
            "--seconds",
            "0,1",
            "--seed",
            "3");
    assertEquals(0, r.exitCode(), r.err());
    List<ManifestEntry> entries = Manifest.read(out);
    assertEquals(6, entries.size());
    for (ManifestEntry e : entries) {
      assertTrue(Files.size(out.resolve(e.file())) > 0, e.file());
      assertEquals(List.of("short", "normal", "descriptive"), e.captionStyles());
      assertTrue(e.scene().isPresent());
      int frames = VideoReader.read(out.resolve(e.file())).frameCount();
      assertEquals(e.file().endsWith(".png") ? 1 : 8, frames, e.file());
    }
    CliRun again = CliRun.run("world", "dataset", "--count", "1", "-o", out.toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("already holds a dataset"), again.err());
  }

  @Test
  void suiteScoringPrintsTheAggregate() throws IOException {
    Path right = dir.resolve("right.mp4");
    Path left = dir.resolve("left.mp4");
    assertEquals(
        0, CliRun.run("world", "a red circle moves right", "-o", right.toString()).exitCode());
    assertEquals(
        0, CliRun.run("world", "a red circle moves left", "-o", left.toString()).exitCode());
    Path suite = dir.resolve("suite.jsonl");
    Files.writeString(
        suite,
        "{\"video\":\"right.mp4\",\"prompt\":\"a red circle moves right\"}\n"
            + "{\"video\":\"left.mp4\",\"prompt\":\"a red circle moves right\"}\n");
    CliRun r = CliRun.run("score", "--suite", suite.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    String json = r.out().replaceAll("\\s", "");
    assertTrue(json.contains("\"leftRightObjects\":2"), r.out());
    assertTrue(json.contains("\"leftRightPassed\":1"), "one of two moves goes right:\n" + r.out());
    assertTrue(json.contains("\"fullyCorrect\":1"), r.out());
  }

  @Test
  void badInputGetsOneClearLineAndNoStackTrace() throws IOException {
    Path empty = dir.resolve("empty.mp4");
    Files.createFile(empty);
    CliRun[] runs = {
      CliRun.run("score", empty.toString(), "--prompt", "a red circle"),
      CliRun.run(
          "world", "a red circle", "-o", dir.resolve("x.mp4").toString(), "--size", "100x100"),
      CliRun.run(
          "world", "a white square on a white background", "-o", dir.resolve("y.mp4").toString()),
      CliRun.run("world", "a dragon", "-o", dir.resolve("z.mp4").toString()),
      CliRun.run("world", "a red circle", "-o", dir.resolve("a.mp4").toString(), "--seconds", "61"),
    };
    String[] expected = {"empty", "multiples of 8", "invisible", "no object", "--seconds"};
    for (int i = 0; i < runs.length; i++) {
      CliRun r = runs[i];
      assertEquals(1, r.exitCode(), r.err());
      assertTrue(r.err().startsWith("kinora: "), r.err());
      assertTrue(r.err().contains(expected[i]), () -> "expected '" + "' in " + r.err());
      assertFalse(r.err().contains("\tat "), "stack trace leaked: " + r.err());
    }
    assertFalse(Files.exists(dir.resolve("x.mp4")));
  }

  @Test
  void strictRefusesWordsKinoraCannotMap() {
    Path clip = dir.resolve("s.mp4");
    CliRun lenient =
        CliRun.run("world", "a red circle moves right past a dragon", "-o", clip.toString());
    assertEquals(0, lenient.exitCode(), lenient.err());
    assertTrue(lenient.err().contains("dragon"), lenient.err());
    CliRun strict =
        CliRun.run(
            "world", "a red circle moves right past a dragon", "-o", clip + "2.mp4", "--strict");
    assertEquals(1, strict.exitCode());
    assertTrue(strict.err().contains("dragon"), strict.err());
  }
}
