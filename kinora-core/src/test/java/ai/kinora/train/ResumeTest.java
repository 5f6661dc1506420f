package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.CheckpointException;
import ai.kinora.vae.VideoVae;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumed from a checkpoint reproduces the uninterrupted run exactly: the same losses, step
 * count, optimizer state and data order; and the run folder's checkpoints are complete.
 */
class ResumeTest {

  @TempDir Path dir;

  static final VaeTrainingConfig CONFIG =
      new VaeTrainingConfig(
          ai.kinora.vae.VaeConfig.TINY,
          8,
          2,
          16,
          5,
          0.25,
          3e-3,
          2,
          0.1,
          0.01,
          0.9,
          1e-6,
          1.0,
          7,
          4,
          null,
          0);

  static List<Double> losses(VaeTrainer trainer, int steps) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      out.add(trainer.step().loss());
    }
    return out;
  }

  @Test
  void aResumedRunReproducesTheUninterruptedRunsNextLosses() throws IOException {
    List<Double> straight;
    try (NDManager base = NDManager.newBaseManager();
        VaeTrainer trainer = VaeTrainer.start(base, CONFIG, new WorldClips())) {
      straight = losses(trainer, 6);
    }
    List<Double> resumed;
    Path checkpoint = dir.resolve("ckpt");
    try (NDManager base = NDManager.newBaseManager()) {
      try (VaeTrainer first = VaeTrainer.start(base, CONFIG, new WorldClips())) {
        resumed = new ArrayList<>(losses(first, 3));
        Files.createDirectories(checkpoint);
        first.saveCheckpoint(checkpoint);
        first.step(); // work lost to a kill after the checkpoint
      }
      try (VaeTrainer second = VaeTrainer.resume(base, checkpoint)) {
        assertEquals(3, second.stepsDone());
        resumed.addAll(losses(second, 3));
        assertEquals(6, second.stepsDone());
      }
    }
    assertEquals(straight, resumed, "losses of steps 1-6, uninterrupted vs resumed at 3");
  }

  @Test
  void fineTuningTheDecoderKeepsTheEncoderAndLatentsExactly() throws IOException {
    Path start = dir.resolve("start");
    float[] encoderBefore;
    float[] decoderBefore;
    try (NDManager base = NDManager.newBaseManager()) {
      try (VaeTrainer trainer = VaeTrainer.start(base, CONFIG, new WorldClips())) {
        losses(trainer, 2);
        VideoVae model = trainer.averagedModel();
        model.save(start, null);
        encoderBefore = model.parameters().get("encoder.conv_in.weight").toFloatArray();
        decoderBefore = model.parameters().get("decoder.conv_out.weight").toFloatArray();
      }
      VaeTrainingConfig tune =
          new VaeTrainingConfig(
              CONFIG.model(),
              4,
              2,
              16,
              5,
              0.25,
              3e-3,
              1,
              0.1,
              0.01,
              0.9,
              1e-6,
              1.0,
              7,
              2,
              new VaeTrainingConfig.Init(start.toString(), true),
              0);
      Path checkpoint = dir.resolve("tuned");
      try (VaeTrainer trainer = VaeTrainer.start(base, tune, new WorldClips())) {
        losses(trainer, 2);
        trainer.saveCheckpoint(checkpoint);
      }
      try (VaeTrainer trainer = VaeTrainer.resume(base, checkpoint)) {
        assertTrue(trainer.config().init().freezeEncoder(), "the recipe records the freeze");
        losses(trainer, 2);
        VideoVae tuned = trainer.averagedModel();
        try (VideoVae original = VideoVae.load(base, start)) {
          assertArrayEquals(
              encoderBefore, tuned.parameters().get("encoder.conv_in.weight").toFloatArray());
          assertArrayEquals(original.latentScale(), tuned.latentScale());
          assertArrayEquals(original.latentShift(), tuned.latentShift());
        }
        float[] decoderAfter = tuned.parameters().get("decoder.conv_out.weight").toFloatArray();
        assertFalse(java.util.Arrays.equals(decoderBefore, decoderAfter), "the decoder learned");
      }
    }
  }

  @Test
  void theDataOfAStepDependsOnSeedAndStepAlone() {
    TrainingBatches a = new TrainingBatches(CONFIG, new WorldClips());
    TrainingBatches b = new TrainingBatches(CONFIG, new WorldClips());
    for (long step : new long[] {5, 0, 5}) {
      List<List<RgbFrame>> x = a.batch(step).clips();
      List<List<RgbFrame>> y = b.batch(step).clips();
      for (int i = 0; i < x.size(); i++) {
        for (int f = 0; f < x.get(i).size(); f++) {
          assertArrayEquals(x.get(i).get(f).rgb(), y.get(i).get(f).rgb());
        }
      }
    }
  }

  @Test
  void aRunWritesCompleteCheckpointsMetricsAndAModelThatLoads() throws IOException {
    Path out = dir.resolve("run");
    try (NDManager base = NDManager.newBaseManager()) {
      try (VaeTrainer trainer = VaeTrainer.start(base, CONFIG, new WorldClips())) {
        new TrainingRun(out, "test", VaeEvaluation.heldOutSet(1, 1)).run(trainer, quiet());
      }
      Path latest = TrainingRun.latestCheckpoint(out).orElseThrow();
      assertEquals("step-00000008", latest.getFileName().toString());
      assertTrue(Files.exists(out.resolve("checkpoints/step-00000004/train.safetensors")));
      List<String> metrics = Files.readAllLines(out.resolve(TrainingRun.METRICS));
      assertEquals(8 + 2, metrics.size(), "a line per step and per checkpoint");
      assertTrue(metrics.get(4).contains("\"eval\""), metrics.get(4));
      try (VideoVae model = VideoVae.load(base, out.resolve(TrainingRun.MODEL))) {
        assertTrue(Files.readString(out.resolve("model/config.json")).contains("\"steps\" : 8"));
        float[] scale = model.latentScale();
        assertTrue(scale[0] != 1f, "the latent normalisation was measured");
      }
      // Resuming a finished run at its last checkpoint does nothing more and keeps the log.
      try (VaeTrainer again = VaeTrainer.resume(base, latest)) {
        new TrainingRun(out, "test", List.of()).run(again, quiet());
        assertEquals(8, again.stepsDone());
      }
      assertEquals(10, Files.readAllLines(out.resolve(TrainingRun.METRICS)).size());
    }
  }

  @Test
  void aCheckpointWithoutItsRecordIsRefusedClearly() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    try (NDManager base = NDManager.newBaseManager()) {
      CheckpointException e =
          assertThrows(
              CheckpointException.class, () -> VaeTrainer.resume(base, dir.resolve("empty")));
      assertTrue(e.getMessage().contains("not a training checkpoint"), e.getMessage());
    }
  }

  static TrainingRun.Listener quiet() {
    return new TrainingRun.Listener() {
      @Override
      public void onStep(VaeTrainer.StepReport report) {}

      @Override
      public void onCheckpoint(long step, Path saved, VaeEvaluation.Result eval) {}
    };
  }
}
