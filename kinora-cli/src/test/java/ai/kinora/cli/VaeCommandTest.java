package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import ai.kinora.nn.AtomicFiles;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VAE commands run in-process on real files, with a tiny checkpoint. */
class VaeCommandTest {

  @TempDir Path dir;
  Path weights;

  @BeforeEach
  void tinyWeights() throws IOException {
    Engine.getInstance().setRandomSeed(1);
    weights = dir.resolve("vae");
    try (NDManager m = NDManager.newBaseManager();
        VideoVae vae = new VideoVae(m, VaeConfig.TINY)) {
      vae.save(weights, null);
    }
  }

  @Test
  void roundtripKeepsTheSizeAndLengthOfAVideo() {
    Path in = dir.resolve("in.mp4");
    assertEquals(
        0,
        CliRun.run(
                "world",
                "a red circle moves right",
                "-o",
                in.toString(),
                "--size",
                "64x48",
                "--seconds",
                "1.5")
            .exitCode());
    Path out = dir.resolve("out.mp4");
    CliRun r =
        CliRun.run(
            "vae",
            "roundtrip",
            in.toString(),
            "-o",
            out.toString(),
            "--weights",
            weights.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("PSNR"), r.out());
    Video decoded = VideoReader.read(out);
    assertEquals(12, decoded.frameCount());
    assertEquals(64, decoded.width());
    assertEquals(48, decoded.height());
  }

  @Test
  void roundtripOfAnImageOfAnySizeGivesAnImageOfThatSize() {
    Path in = dir.resolve("odd.png");
    VideoWriter.write(in, new Video(java.util.List.of(RgbFrame.filled(37, 21, 0x3366CC)), 8));
    Path out = dir.resolve("odd-vae.png");
    CliRun r =
        CliRun.run(
            "vae",
            "roundtrip",
            in.toString(),
            "-o",
            out.toString(),
            "--weights",
            weights.toString());
    assertEquals(0, r.exitCode(), r.err());
    Video decoded = VideoReader.read(out);
    assertEquals(1, decoded.frameCount());
    assertEquals(37, decoded.width());
    assertEquals(21, decoded.height());
  }

  @Test
  void aBadCheckpointIsOneClearLine() throws IOException {
    Path file = weights.resolve(VideoVae.WEIGHTS_FILE);
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(Files.size(file) / 2);
    }
    Path in = dir.resolve("in.png");
    VideoWriter.write(in, new Video(java.util.List.of(RgbFrame.filled(16, 16, 0)), 8));
    CliRun r =
        CliRun.run(
            "vae",
            "roundtrip",
            in.toString(),
            "-o",
            dir.resolve("o.png").toString(),
            "--weights",
            weights.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("kinora: "), r.err());
    assertTrue(r.err().contains("truncated"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("o.png")));
    CliRun missing = CliRun.run("vae", "eval", "--weights", dir.resolve("none").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such VAE folder"), missing.err());
  }

  @Test
  void trainingATinyVaeWritesAModelThatEvalAndRoundtripUse() throws IOException {
    Path out = dir.resolve("run");
    CliRun train =
        CliRun.run(
            "train",
            "vae",
            "--preset",
            "tiny",
            "--latent-channels",
            "6",
            "--steps",
            "4",
            "--checkpoint-every",
            "2",
            "--crop",
            "16",
            "--eval-clips",
            "1",
            "--out",
            out.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.err().contains("checkpoint step-00000004"), train.err());
    CliRun eval =
        CliRun.run(
            "vae",
            "eval",
            "--weights",
            out.resolve("model").toString(),
            "--clips",
            "1",
            "--images",
            "1");
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(eval.out().contains("224x128") && eval.out().contains("worst"), eval.out());
    assertTrue(eval.out().contains("clips by content (all sizes):"), eval.out());
    assertTrue(eval.out().contains("clips by position in the latent frame: frame 0"), eval.out());
    assertTrue(eval.out().contains("across a group boundary"), eval.out());
    CliRun again = CliRun.run("train", "vae", "--resume", out.toString(), "--steps", "9");
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("--steps cannot change a resumed run"), again.err());
    // As if killed after step 2: the resumed run redoes steps 3 and 4, and the model it exports
    // records the command that started the run, not "--resume".
    AtomicFiles.deleteTree(out.resolve("checkpoints").resolve("step-00000004"));
    CliRun resumed = CliRun.run("train", "vae", "--resume", out.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.err().contains("at step 2"), resumed.err());
    String record = Files.readString(out.resolve("model").resolve("config.json"));
    assertTrue(record.contains("\"kinora train vae --preset tiny"), record);
    assertTrue(record.contains("\"latent_channels\" : 6"), record);
    assertFalse(record.contains("--resume"), record);
    CliRun reshaped =
        CliRun.run(
            "train",
            "vae",
            "--init",
            out.resolve("model").toString(),
            "--latent-channels",
            "8",
            "--out",
            dir.resolve("again").toString());
    assertEquals(1, reshaped.exitCode());
    assertTrue(reshaped.err().contains("drop --preset/--latent-channels"), reshaped.err());
  }
}
