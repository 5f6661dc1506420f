package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.EncodeOptions;
import ai.kinora.media.MediaInfo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kinora train dit} and {@code kinora generate} on tiny models, as a user runs them. */
class GenerateCommandTest {

  @TempDir static Path dir;
  static TinyModels tiny;
  static Path vae;
  static Path run;

  @BeforeAll
  static void trainATinyModel() throws Exception {
    tiny = TinyModels.get();
    vae = tiny.vae;
    run = tiny.run;
    assertTrue(
        tiny.training.err().contains("checkpoint step-00000003: samples pass"),
        tiny.training.err());
  }

  CliRun generate(String... extra) {
    return tiny.run("generate", extra);
  }

  /** A generation with {@code model} as the DiT folder and the tiny VAE. */
  CliRun generateWithModel(Path model) {
    return CliRun.run(
        "generate",
        "a red circle",
        "-o",
        dir.resolve("y.mp4").toString(),
        "--model",
        model.toString(),
        "--vae",
        vae.toString());
  }

  @Test
  void generateWritesTheRequestedSizeLengthAndRate() {
    Path out = dir.resolve("out.mp4");
    CliRun r =
        generate(
            "a small red circle moves to the right on a gray background",
            "-o",
            out.toString(),
            "--size",
            "48x40",
            "--seconds",
            "1.5",
            "--fps",
            "10",
            "--steps",
            "2");
    assertEquals(0, r.exitCode(), r.err());
    MediaInfo info = VideoReader.probe(out);
    assertEquals(48, info.width());
    assertEquals(40, info.height());
    assertEquals(15, VideoReader.read(out).frameCount());
    // a new run's model is trained on, and prompted in, the directional wording
    assertTrue(
        r.out().contains("caption: A small red circle starts on the left and moves rightward"),
        r.out());
    assertTrue(r.out().contains("denoising"), r.out());
  }

  @Test
  void variationsAreDenoisedTogetherAndEachIsItsSeedsVideo() {
    Path out = dir.resolve("var.mp4");
    String prompt = "a big blue star spins on a white background";
    CliRun r = generate(prompt, "-o", out.toString(), "--n", "3", "--seed", "4", "--steps", "2");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("(3 videos in one batch)"), r.out());
    Path alone = dir.resolve("alone.mp4");
    CliRun single = generate(prompt, "-o", alone.toString(), "--seed", "5", "--steps", "2");
    assertEquals(0, single.exitCode(), single.err());
    Video second = VideoReader.read(dir.resolve("var-2.mp4"));
    Video five = VideoReader.read(alone);
    Video first = VideoReader.read(dir.resolve("var-1.mp4"));
    assertTrue(Files.exists(dir.resolve("var-3.mp4")));
    double same = 0;
    double other = 0;
    for (int i = 0; i < five.frameCount(); i++) {
      same += second.frames().get(i).meanAbsoluteError(five.frames().get(i));
      other += first.frames().get(i).meanAbsoluteError(five.frames().get(i));
    }
    assertTrue(same / five.frameCount() < 0.5, "seed 5 in a batch vs alone: " + same);
    assertTrue(other > 10 * same + 1, "seed 4 vs seed 5: " + other + " (same seed: " + same + ")");
  }

  @Test
  void aLongVideoGoesWindowByWindowToTheExactLength() {
    Path out = dir.resolve("long.mp4");
    CliRun r =
        generate(
            "a yellow star spins in the middle",
            "-o",
            out.toString(),
            "--seconds",
            "10",
            "--steps",
            "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(80, VideoReader.read(out).frameCount());
  }

  @Test
  void unmappedWordsAreReportedOrRefusedWithStrict() {
    String prompt = "a red circle moves to the right gracefully";
    Path out = dir.resolve("words.gif");
    CliRun lenient = generate(prompt, "-o", out.toString(), "--seconds", "1", "--steps", "1");
    assertEquals(0, lenient.exitCode(), lenient.err());
    assertTrue(
        lenient.err().contains("ignoring words Kinora cannot map: gracefully"), lenient.err());
    Path strictOut = dir.resolve("strict.mp4");
    CliRun strict = generate(prompt, "-o", strictOut.toString(), "--strict");
    assertEquals(1, strict.exitCode());
    assertTrue(strict.err().contains("--strict"), strict.err());
    assertFalse(Files.exists(strictOut));
  }

  @Test
  void withoutSecondsTheVideoIsAsLongAsThePromptAsks() {
    Path out = dir.resolve("six.mp4");
    CliRun r =
        generate("a small red ball bounces for 6 seconds", "-o", out.toString(), "--steps", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(48, VideoReader.read(out).frameCount()); // 6 s at 8 fps
    assertTrue(r.out().contains("The clip lasts 6 seconds."), r.out());
    CliRun tooLong =
        generate("a red ball bounces for 90 seconds", "-o", dir.resolve("l.mp4").toString());
    assertEquals(1, tooLong.exitCode());
    assertTrue(
        tooLong.err().contains("a clip lasts more than 0 and at most 60 seconds, not 90"),
        tooLong.err());
  }

  @Test
  void badRequestsAreOneClearLine() {
    CliRun png = generate("a red circle", "-o", dir.resolve("x.png").toString());
    assertEquals(1, png.exitCode());
    assertTrue(png.err().contains(".mp4, .webm or .gif"), png.err());
    CliRun noModel = generateWithModel(dir.resolve("none"));
    assertEquals(1, noModel.exitCode());
    assertTrue(noModel.err().contains("no such model folder"), noModel.err());
    assertFalse(noModel.err().contains("Exception"), noModel.err());
    CliRun notAModel = generateWithModel(dir);
    assertEquals(1, notAModel.exitCode());
    assertTrue(
        notAModel.err().contains(dir + ": not a Kinora model folder (it has no config.json)"),
        notAModel.err());
    CliRun steps = generate("a red circle", "-o", dir.resolve("s.mp4").toString(), "--steps", "0");
    assertEquals(1, steps.exitCode());
    assertEquals("kinora: --steps must be 1..1000, got 0", steps.err().strip());
    CliRun guidance =
        generate("a red circle", "-o", dir.resolve("g.mp4").toString(), "--guidance", "0.5");
    assertEquals(1, guidance.exitCode());
    assertTrue(
        guidance.err().contains("--guidance must be at least 1 (no guidance) and at most 30"),
        guidance.err());
    CliRun shorter = CliRun.run("train", "dit", "--resume", run.toString(), "--steps", "2");
    assertEquals(1, shorter.exitCode());
    assertTrue(
        shorter.err().contains("can only be extended: it is planned for 3 steps"), shorter.err());
    CliRun resumeWithSeed = CliRun.run("train", "dit", "--resume", run.toString(), "--seed", "9");
    assertEquals(1, resumeWithSeed.exitCode());
    assertTrue(resumeWithSeed.err().contains("cannot change a resumed run"), resumeWithSeed.err());
    CliRun preset =
        CliRun.run(
            "train",
            "dit",
            "--preset",
            "huge",
            "--out",
            dir.resolve("p").toString(),
            "--vae",
            vae.toString());
    assertEquals(1, preset.exitCode());
    assertTrue(
        preset.err().contains("unknown preset \"huge\"; choose default, large or tiny"),
        preset.err());
  }

  @Test
  void aResumedRunCanBeExtendedAndRecordsHow() throws IOException {
    Path copy = dir.resolve("extended");
    try (Stream<Path> files = Files.walk(run)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    CliRun more =
        CliRun.run(
            "train",
            "dit",
            "--resume",
            copy.toString(),
            "--steps",
            "5",
            "--samples",
            "0",
            "--foreground-weight",
            "2");
    assertEquals(0, more.exitCode(), more.err());
    assertTrue(more.err().contains("extended to 5 steps"), more.err());
    assertTrue(more.out().contains("trained 5 steps"), more.out());
    String config = Files.readString(copy.resolve("model/config.json"));
    assertTrue(config.contains("\"steps\" : 5"), config);
    assertTrue(
        config.matches(
            "(?s).*\"command\" : \"kinora train dit --preset tiny [^;]*--out [^;]*;"
                + " extended, objective changed: kinora train dit --resume [^\"]* --steps 5"
                + " --samples 0 --foreground-weight 2\".*"),
        config);
  }

  @Test
  void aRunCanStartFromAnExportedModel() throws IOException {
    Path out = dir.resolve("from-model");
    String model = run.resolve("model").toString();
    CliRun fine =
        CliRun.run(
            "train",
            "dit",
            "--init",
            model,
            "--vae",
            vae.toString(),
            "--steps",
            "1",
            "--samples",
            "0",
            "--mirror-pairs",
            "--time-positions",
            "--caption-wording",
            "original",
            "--out",
            out.toString());
    assertEquals(0, fine.exitCode(), fine.err());
    assertTrue(fine.err().contains("starting from " + model), fine.err());
    String record = Files.readString(out.resolve("model/config.json"));
    assertTrue(record.contains("\"mirror_pairs\" : true"), record);
    assertTrue(record.contains("\"time_positions\" : true"), record);
    assertTrue(record.contains("\"caption_wording\" : \"original\""), record);
    assertTrue(
        Files.readString(run.resolve("model/config.json"))
            .contains("\"caption_wording\" : \"directional\""));
    CliRun tuned =
        CliRun.run(
            "generate",
            "a red circle moves to the right",
            "-o",
            dir.resolve("tuned.mp4").toString(),
            "--model",
            out.resolve("model").toString(),
            "--vae",
            vae.toString(),
            "--steps",
            "1");
    assertEquals(0, tuned.exitCode(), tuned.err());
    assertTrue(tuned.out().contains("and moves to the right"), tuned.out());
    CliRun badWording =
        CliRun.run(
            "train",
            "dit",
            "--init",
            model,
            "--vae",
            vae.toString(),
            "--caption-wording",
            "sideways",
            "--out",
            dir.resolve("bad-wording").toString());
    assertEquals(1, badWording.exitCode());
    assertTrue(badWording.err().contains("unknown caption wording \"sideways\""), badWording.err());
    assertTrue(fine.out().contains("trained 1 steps"), fine.out());
    assertTrue(Files.exists(out.resolve("model/model.safetensors")));
    CliRun both =
        CliRun.run("train", "dit", "--resume", out.toString(), "--init", model, "--steps", "2");
    assertEquals(1, both.exitCode());
    assertTrue(both.err().contains("--init"), both.err());
    CliRun missing =
        CliRun.run(
            "train",
            "dit",
            "--init",
            dir.resolve("nothing").toString(),
            "--vae",
            vae.toString(),
            "--out",
            dir.resolve("from-nothing").toString());
    assertEquals(1, missing.exitCode());
    CliRun mirroredFolder =
        CliRun.run(
            "train",
            "dit",
            "--data",
            dir.toString(),
            "--mirror-pairs",
            "--out",
            dir.resolve("mirrored-folder").toString());
    assertEquals(1, mirroredFolder.exitCode());
    assertTrue(mirroredFolder.err().contains("cannot be used with --data"), mirroredFolder.err());
    assertTrue(missing.err().contains("nothing"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
  }

  @Test
  void aModelTrainedOnADatasetFolderTakesPromptsVerbatim() throws IOException {
    Path data = dir.resolve("mine");
    Files.createDirectories(data.resolve("clips"));
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      frames.add(RgbFrame.filled(40, 40, (i * 10) << 8 | 0x300000));
    }
    VideoWriter.write(data.resolve("clips/a.mp4"), new Video(frames, 12), EncodeOptions.DEFAULT);
    Files.writeString(
        data.resolve("manifest.jsonl"),
        "{\"file\": \"clips/a.mp4\", \"caption\": \"a dog runs along the beach\"}\n");
    Path mine = dir.resolve("mine-run");
    CliRun train =
        CliRun.run(
            "train",
            "dit",
            "--data",
            data.toString(),
            "--preset",
            "tiny",
            "--vae",
            vae.toString(),
            "--steps",
            "2",
            "--samples",
            "1",
            "--out",
            mine.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.err().contains("folder " + data), train.err());
    assertTrue(Files.exists(mine.resolve("samples/step-00000002/00.mp4")));
    String config = Files.readString(mine.resolve("model/config.json"));
    assertTrue(config.contains("\"prompts\" : \"verbatim\""), config);
    assertTrue(Files.readString(mine.resolve("model/tokenizer.txt")).contains("\nbeach\n"));
    Path out = dir.resolve("dog.mp4");
    CliRun gen =
        CliRun.run(
            "generate",
            "a dog runs along the beach",
            "-o",
            out.toString(),
            "--model",
            mine.resolve("model").toString(),
            "--vae",
            vae.toString(),
            "--steps",
            "1");
    assertEquals(0, gen.exitCode(), gen.err());
    assertFalse(gen.err().contains("cannot map"), gen.err());
    assertTrue(gen.out().contains("caption: a dog runs along the beach"), gen.out());
    assertEquals(32, VideoReader.read(out).frameCount());
    CliRun more = CliRun.run("train", "dit", "--resume", mine.toString(), "--steps", "3");
    assertEquals(0, more.exitCode(), more.err());
    assertTrue(more.out().contains("trained 3 steps"), more.out());
  }
}
