package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.media.MediaInfo;
import ai.kinora.media.VideoReader;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kinora train dit} and {@code kinora generate} on tiny models, as a user runs them. */
class GenerateCommandTest {

  @TempDir static Path dir;
  static Path vae;
  static Path run;
  private static int threads;

  @BeforeAll
  static void trainATinyModel() throws Exception {
    Engine.getInstance();
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    Engine.getInstance().setRandomSeed(5);
    vae = dir.resolve("vae");
    try (NDManager m = NDManager.newBaseManager();
        VideoVae v = new VideoVae(m, VaeConfig.TINY)) {
      v.save(vae, null);
    }
    run = dir.resolve("dit");
    CliRun train =
        CliRun.run(
            "train",
            "dit",
            "--preset",
            "tiny",
            "--vae",
            vae.toString(),
            "--steps",
            "3",
            "--samples",
            "1",
            "--out",
            run.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.err().contains("checkpoint step-00000003: samples pass"), train.err());
    assertTrue(Files.exists(run.resolve("model/model.safetensors")));
  }

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(threads);
  }

  CliRun generate(String... extra) {
    String[] base = {
      "generate", "--model", run.resolve("model").toString(), "--vae", vae.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(args);
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
    assertTrue(r.out().contains("caption: A small red circle starts on the left"), r.out());
    assertTrue(r.out().contains("denoising"), r.out());
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
  void badRequestsAreOneClearLine() {
    CliRun png = generate("a red circle", "-o", dir.resolve("x.png").toString());
    assertEquals(1, png.exitCode());
    assertTrue(png.err().contains(".mp4, .webm or .gif"), png.err());
    CliRun noModel =
        CliRun.run(
            "generate",
            "a red circle",
            "-o",
            dir.resolve("y.mp4").toString(),
            "--model",
            dir.resolve("none").toString(),
            "--vae",
            vae.toString());
    assertEquals(1, noModel.exitCode());
    assertTrue(noModel.err().contains("no such model folder"), noModel.err());
    assertFalse(noModel.err().contains("Exception"), noModel.err());
    CliRun resumeWithSteps = CliRun.run("train", "dit", "--resume", run.toString(), "--steps", "9");
    assertEquals(1, resumeWithSteps.exitCode());
    assertTrue(
        resumeWithSteps.err().contains("cannot change a resumed run"), resumeWithSteps.err());
  }
}
