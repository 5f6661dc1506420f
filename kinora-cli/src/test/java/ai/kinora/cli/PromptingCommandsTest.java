package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image, animate, extend, connect, loop and edit on tiny models: plumbing, lengths, errors. */
class PromptingCommandsTest {

  @TempDir static Path dir;
  static TinyModels tiny;
  static Path clip; // 2 s, 48x32, 8 fps
  static Path other; // 1 s, 32x32, 16 fps

  @BeforeAll
  static void inputs() throws Exception {
    tiny = TinyModels.get();
    clip = dir.resolve("clip.mp4");
    other = dir.resolve("other.mp4");
    CliRun a =
        CliRun.run(
            "world",
            "a large blue square moves to the left on a white background",
            "-o",
            clip.toString(),
            "--size",
            "48x32",
            "--seconds",
            "2");
    assertEquals(0, a.exitCode(), a.err());
    CliRun b =
        CliRun.run(
            "world",
            "a red circle falls and bounces",
            "-o",
            other.toString(),
            "--size",
            "32x32",
            "--seconds",
            "1",
            "--fps",
            "16");
    assertEquals(0, b.exitCode(), b.err());
  }

  static Video video(Path p) {
    return VideoReader.read(p);
  }

  @Test
  void imageAndAnimate() {
    Path png = dir.resolve("i.png");
    CliRun image =
        tiny.run(
            "image",
            "a yellow star on a navy background",
            "-o",
            png.toString(),
            "--size",
            "200x120",
            "--steps",
            "1");
    assertEquals(0, image.exitCode(), image.err());
    assertEquals(200, video(png).width());
    assertEquals(120, video(png).height());
    Path moving = dir.resolve("a.mp4");
    CliRun animate =
        tiny.run(
            "animate",
            png.toString(),
            "the star spins",
            "-o",
            moving.toString(),
            "--seconds",
            "1",
            "--steps",
            "1");
    assertEquals(0, animate.exitCode(), animate.err());
    Video v = video(moving);
    assertEquals(8, v.frameCount());
    assertEquals(32, v.width(), "without --size: the native size nearest the image (tiny: 32x32)");
    CliRun tooBig = tiny.run("image", "a red circle", "-o", png.toString(), "--size", "4096x64");
    assertEquals(1, tooBig.exitCode());
    assertTrue(tooBig.err().contains("2048x2048"), tooBig.err());
  }

  @Test
  void imageVariationsAreEachTheirSeedsImage() {
    Path png = dir.resolve("v.png");
    String prompt = "a yellow star on a navy background";
    CliRun three =
        tiny.run("image", prompt, "-o", png.toString(), "--n", "3", "--seed", "4", "--steps", "1");
    assertEquals(0, three.exitCode(), three.err());
    assertTrue(three.out().contains("v-3.png") && three.out().contains("seed 6"), three.out());
    Path alone = dir.resolve("alone.png");
    CliRun five = tiny.run("image", prompt, "-o", alone.toString(), "--seed", "5", "--steps", "1");
    assertEquals(0, five.exitCode(), five.err());
    RgbFrame seed5 = video(alone).frames().get(0);
    double same = video(dir.resolve("v-2.png")).frames().get(0).meanAbsoluteError(seed5);
    double other = video(dir.resolve("v-1.png")).frames().get(0).meanAbsoluteError(seed5);
    assertTrue(same < 0.5, "seed 5 in a batch vs alone: " + same);
    assertTrue(other > 10 * same + 1, "seed 4 vs seed 5: " + other + " (same seed: " + same + ")");
    CliRun none = tiny.run("image", prompt, "-o", png.toString(), "--n", "0");
    assertEquals(1, none.exitCode());
    assertTrue(none.err().contains("--n must be 1..64"), none.err());
  }

  @Test
  void extendForwardsAndBackwardsKeepsTheInput() {
    Path fwd = dir.resolve("f.mp4");
    CliRun f =
        tiny.run(
            "extend",
            clip.toString(),
            "the square keeps moving left",
            "--seconds",
            "1",
            "-o",
            fwd.toString(),
            "--steps",
            "1");
    assertEquals(0, f.exitCode(), f.err());
    Video out = video(fwd);
    assertEquals(16 + 8, out.frameCount());
    assertEquals(48, out.width());
    Path back = dir.resolve("b.mp4");
    CliRun b =
        tiny.run(
            "extend",
            clip.toString(),
            "a blue square moves left",
            "--seconds",
            "0.5",
            "--backward",
            "-o",
            back.toString(),
            "--steps",
            "1");
    assertEquals(0, b.exitCode(), b.err());
    assertEquals(16 + 4, video(back).frameCount());
  }

  @Test
  void connectLoopAndEdit() {
    Path ab = dir.resolve("ab.mp4");
    CliRun c =
        tiny.run(
            "connect",
            clip.toString(),
            other.toString(),
            "a red circle",
            "--seconds",
            "1",
            "-o",
            ab.toString(),
            "--steps",
            "1");
    assertEquals(0, c.exitCode(), c.err());
    assertEquals(16 + 7 + 8, video(ab).frameCount(), "A, 4g - 1 = 7 new frames, B at A's rate");
    Path loop = dir.resolve("loop.mp4");
    CliRun l =
        tiny.run(
            "loop", "a yellow star spins", "--seconds", "2", "-o", loop.toString(), "--steps", "1");
    assertEquals(0, l.exitCode(), l.err());
    assertEquals(16, video(loop).frameCount());
    CliRun tooLong =
        tiny.run("loop", "a yellow star spins", "--seconds", "61", "-o", loop.toString());
    assertEquals(1, tooLong.exitCode());
    assertTrue(tooLong.err().contains("at most 60, got 61"), tooLong.err());
    Path from = dir.resolve("from.mp4");
    CliRun lf =
        tiny.run(
            "loop",
            "a blue square",
            "--from",
            clip.toString(),
            "--seconds",
            "1",
            "-o",
            from.toString(),
            "--steps",
            "1");
    assertEquals(0, lf.exitCode(), lf.err());
    assertEquals(16 + 7, video(from).frameCount());
    Path edited = dir.resolve("e.mp4");
    CliRun e =
        tiny.run(
            "edit",
            clip.toString(),
            "a green square moves left",
            "--strength",
            "0.5",
            "-o",
            edited.toString(),
            "--steps",
            "2");
    assertEquals(0, e.exitCode(), e.err());
    assertEquals(16, video(edited).frameCount());
  }

  @Test
  void aStoryboardIsOneVideoOfItsLength() throws Exception {
    Path story = dir.resolve("story.json");
    Files.writeString(
        story,
        "{\"size\": \"40x32\", \"fps\": 10, \"seconds\": 3, \"cards\": ["
            + "{\"at\": 0, \"prompt\": \"a red circle moves to the right\"},"
            + "{\"at\": 1, \"prompt\": \"a red circle spins\", \"video\": \"other.mp4\"},"
            + "{\"at\": 2, \"prompt\": \"a red circle falls and bounces\"}]}");
    Path out = dir.resolve("story.mp4");
    CliRun r = tiny.run("storyboard", story.toString(), "-o", out.toString(), "--steps", "1");
    assertEquals(0, r.exitCode(), r.err());
    Video v = video(out);
    assertEquals(30, v.frameCount());
    assertEquals(40, v.width());
    Files.writeString(
        story,
        "{\"seconds\": 3, \"cards\": [{\"at\": 0, \"prompt\": \"a red circle\"},"
            + " {\"at\": 0, \"prompt\": \"a blue box\"}]}");
    CliRun overlap = tiny.run("storyboard", story.toString(), "-o", out.toString());
    assertEquals(1, overlap.exitCode());
    assertTrue(overlap.err().contains("overlaps card 1"), overlap.err());
    Files.writeString(
        story,
        "{\"seconds\": 3, \"cards\": [{\"at\": 0, \"prompt\": \"a red circle\"},"
            + " {\"at\": 5, \"prompt\": \"a blue box\"}]}");
    CliRun outside = tiny.run("storyboard", story.toString(), "-o", out.toString());
    assertTrue(outside.err().contains("outside the storyboard"), outside.err());
    Files.writeString(
        story,
        "{\"seconds\": 3, \"cards\": [{\"at\": 0, \"prompt\": \"a red circle\"},"
            + " {\"at\": 2.5, \"prompt\": \"a red ball\", \"video\": \"clip.mp4\"}]}");
    CliRun tooLong = tiny.run("storyboard", story.toString(), "-o", out.toString());
    assertTrue(tooLong.err().contains("longer than its slot"), tooLong.err());
  }

  @Test
  void badInputsFailBeforeAnyWork() {
    Path out = dir.resolve("never.mp4");
    CliRun strength =
        tiny.run(
            "edit", clip.toString(), "a red circle", "--strength", "1.5", "-o", out.toString());
    assertEquals(1, strength.exitCode());
    assertTrue(strength.err().contains("--strength must be in [0, 1]"), strength.err());
    Path still = dir.resolve("still.png");
    assertEquals(
        0,
        CliRun.run("world", "a red circle", "-o", still.toString(), "--seconds", "0.125")
            .exitCode());
    CliRun shortVideo =
        tiny.run(
            "extend",
            still.toString(),
            "a red circle",
            "--seconds",
            "1",
            "--backward",
            "-o",
            out.toString());
    assertEquals(1, shortVideo.exitCode());
    assertTrue(shortVideo.err().contains("too short to extend backwards"), shortVideo.err());
    CliRun missing =
        tiny.run(
            "animate", dir.resolve("none.png").toString(), "a red circle", "-o", out.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("none.png"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void everyWrittenFileCarriesItsProvenanceAndOthersDoNot() {
    Path jpg = dir.resolve("p.jpg");
    CliRun image =
        tiny.run(
            "image",
            "a yellow star on a navy background",
            "-o",
            jpg.toString(),
            "--size",
            "200x120",
            "--seed",
            "5",
            "--steps",
            "1");
    assertEquals(0, image.exitCode(), image.err());
    CliRun check = CliRun.run("provenance", jpg.toString(), clip.toString());
    assertEquals(0, check.exitCode(), check.err());
    String[] reports = check.out().split("\n(?=/)");
    assertTrue(reports[0].startsWith(jpg + ": made by Kinora"), check.out());
    assertTrue(reports[0].contains("watermark: found"), check.out());
    assertTrue(reports[0].contains("command: image"), check.out());
    assertTrue(reports[0].contains("prompt: a yellow star on a navy background"), check.out());
    assertTrue(reports[0].contains("seed 5, 1 steps"), check.out());
    assertTrue(reports[1].startsWith(clip + ": no sign of Kinora"), check.out());
    assertTrue(reports[1].contains("watermark: not found"), check.out());
    CliRun json = CliRun.run("provenance", "--json", jpg.toString());
    assertTrue(json.out().contains("\"made_by_kinora\":true"), json.out());
    assertTrue(json.out().contains("\"command\":\"image\""), json.out());
  }

  @Test
  void promptsAgainstTheContentPolicyAreRefusedBeforeAnyWork() {
    Path out = dir.resolve("refused.mp4");
    CliRun generate = tiny.run("generate", "a bloody red circle", "-o", out.toString());
    assertEquals(1, generate.exitCode());
    assertEquals(
        "kinora: the prompt asks for violence and gore (\"bloody\"), which Kinora's content"
            + " policy does not allow (docs/provenance.md#content-policy)",
        generate.err().strip());
    CliRun extend =
        tiny.run(
            "extend", clip.toString(), "a nude figure", "--seconds", "1", "-o", out.toString());
    assertTrue(extend.err().contains("sexual content (\"nude\")"), extend.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aStoryboardCardAgainstThePolicyRefusesTheBoard() throws Exception {
    Path story = dir.resolve("refused.json");
    Files.writeString(
        story,
        "{\"seconds\": 2, \"cards\": [{\"at\": 0, \"prompt\": \"a red circle\"},"
            + " {\"at\": 1, \"prompt\": \"a swastika on a white background\"}]}");
    Path out = dir.resolve("refused-board.mp4");
    CliRun r = tiny.run("storyboard", story.toString(), "-o", out.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("the prompt asks for hate (\"swastika\")"), r.err());
    assertFalse(Files.exists(out));
  }
}
