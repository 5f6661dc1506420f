package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.dit.DitConfig;
import ai.kinora.dit.DitModel;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.CheckpointException;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training the text encoder + DiT on world clips, resuming, exporting and generating from it. */
class DitTrainerTest {

  @TempDir static Path dir;
  static Path vaeDir;
  private static int threads;

  @BeforeAll
  static void tinyVae() throws Exception {
    Engine.getInstance();
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1); // tiny tensors; and a training run may hold the other core
    Engine.getInstance().setRandomSeed(3);
    vaeDir = dir.resolve("vae");
    try (NDManager m = NDManager.newBaseManager();
        VideoVae vae = new VideoVae(m, VaeConfig.TINY)) {
      vae.save(vaeDir, null);
    }
  }

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(threads);
  }

  static DitTrainingConfig tiny(long steps) {
    return DitTrainingConfig.tiny(steps, VaeConfig.TINY.latentChannels());
  }

  @Test
  void aResumedRunContinuesWithTheUninterruptedRunsLosses() throws Exception {
    List<Double> straight = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(4), vaeDir)) {
      for (int i = 0; i < 4; i++) {
        straight.add(t.step().loss());
      }
    }
    Path checkpoint = dir.resolve("half");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(4), vaeDir)) {
      assertEquals(2, t.config().echo(), "each batch serves two updates");
      t.step();
      t.saveCheckpoint(checkpoint); // mid-batch: the resumed run must encode batch 0 again
    }
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.resume(m, checkpoint)) {
      assertEquals(1, t.stepsDone());
      for (int i = 1; i < 4; i++) {
        assertEquals(straight.get(i), t.step().loss(), 0, "loss of update " + (i + 1));
      }
    }
    for (double loss : straight) {
      assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);
    }
  }

  @Test
  void aResumedRunCanChangeItsObjectiveWhichItsCheckpointsThenRecord() throws Exception {
    Path checkpoint = dir.resolve("before-fine-tune");
    double plainLoss;
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(4), vaeDir)) {
      assertEquals(DitObjective.PLAIN, t.config().objective());
      t.step();
      t.step();
      t.saveCheckpoint(checkpoint);
      plainLoss = t.step().loss();
    }
    assertEquals(DitObjective.PLAIN, DitTrainer.recordedObjective(checkpoint));
    DitObjective weighted = new DitObjective(0.5, 4, false);
    Path after = dir.resolve("after-fine-tune");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.resume(m, checkpoint, null, weighted)) {
      assertEquals(weighted, t.config().objective());
      double loss = t.step().loss();
      assertTrue(Double.isFinite(loss) && loss != plainLoss, "the same batch, another loss");
      t.saveCheckpoint(after);
    }
    assertEquals(weighted, DitTrainer.recordedObjective(after));
    // A run recorded before objectives existed trains with the plain one.
    var json = tiny(4).with(weighted).toJson();
    assertEquals(weighted, DitTrainingConfig.fromJson(json, "test").objective());
    json.remove("objective");
    assertEquals(DitObjective.PLAIN, DitTrainingConfig.fromJson(json, "test").objective());
  }

  @Test
  void theExportedModelGeneratesAtTheRequestedSizeAndTheSameSeedRepeats() throws Exception {
    Path out = dir.resolve("run");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(2), vaeDir)) {
      new DitTrainingRun(out, "test", List.of("a red circle moves to the right"))
          .run(
              t,
              new DitTrainingRun.Listener() {
                @Override
                public void onStep(DitTrainer.StepReport report) {}

                @Override
                public void onCheckpoint(
                    long step, Path saved, ai.kinora.eval.SuiteSummary samples) {
                  assertEquals(1, samples.videos());
                }
              });
    }
    assertTrue(Files.exists(out.resolve("samples/step-00000002/00.mp4")));
    // The prompt moves right: its checkpoint line has a left/right accuracy; none has null.
    String last = Files.readAllLines(out.resolve("metrics.jsonl")).getLast();
    var samples = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last).get("samples");
    assertTrue(samples.get("left_right_accuracy").isNumber(), last);
    assertTrue(
        DitTrainingRun.sampleLine(2, 1, new ai.kinora.eval.SuiteSummary())
            .get("samples")
            .get("left_right_accuracy")
            .isNull());
    assertTrue(Files.exists(out.resolve("checkpoints/step-00000002/model/tokenizer.txt")));
    try (NDManager m = NDManager.newBaseManager();
        VideoVae vae = VideoVae.load(m, vaeDir);
        DitModel model = DitModel.load(m, out.resolve("model"))) {
      assertEquals(List.of(new Canvas(32, 32)), model.nativeFormat().sizes());
      TextToVideo generator = new TextToVideo(vae, model);
      TextToVideo.Request request =
          new TextToVideo.Request(
              "a blue square moves left", new Canvas(48, 40), 1.5, 10, 7, 3, 3, "");
      List<RgbFrame> a = generator.generate(request).frames();
      assertEquals(15, a.size());
      assertEquals(48, a.get(0).width());
      assertEquals(40, a.get(0).height());
      List<RgbFrame> b = generator.generate(request).frames();
      List<RgbFrame> c =
          generator
              .generate(
                  new TextToVideo.Request(
                      "a blue square moves left", new Canvas(48, 40), 1.5, 10, 8, 3, 3, ""))
              .frames();
      boolean same = true;
      boolean differs = false;
      for (int i = 0; i < a.size(); i++) {
        same &= a.get(i).samePixels(b.get(i));
        differs |= !a.get(i).samePixels(c.get(i));
      }
      assertTrue(same, "the same seed gives the same frames");
      assertTrue(differs, "another seed gives other frames");
      assertEquals(
          1, generator.generate(request("a red circle on a black background", 0)).frames().size());
    }
  }

  static TextToVideo.Request request(String prompt, double seconds) {
    return new TextToVideo.Request(prompt, new Canvas(32, 32), seconds, 8, 1, 2, 1, "");
  }

  @Test
  void aRunCanStartFromAnExportedModelAndRecordsIt() throws Exception {
    Path model = dir.resolve("init-model");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(4), vaeDir)) {
      t.step();
      t.step();
      t.averagedModel().save(model, null);
    }
    Path checkpoint = dir.resolve("from-init");
    DitTrainingConfig otherSeed = tiny(4).with(null, null, 5L, null);
    try (NDManager m = NDManager.newBaseManager();
        DitModel init = DitModel.load(m, model);
        DitTrainer t = DitTrainer.start(m, otherSeed, vaeDir, null, model)) {
      for (String name : init.parameters().names()) {
        float[] expected = init.parameters().get(name).toFloatArray();
        assertArrayEquals(expected, t.model().parameters().get(name).toFloatArray(), 0f, name);
        assertArrayEquals(expected, t.averagedModel().parameters().get(name).toFloatArray(), 0f);
      }
      assertEquals(init.tokenizer().vocabulary(), t.model().tokenizer().vocabulary());
      assertEquals(0, t.stepsDone()); // a fresh run: its own optimiser and schedule
      assertTrue(Double.isFinite(t.step().loss()));
      t.saveCheckpoint(checkpoint);
    }
    JsonNode record =
        new ObjectMapper().readTree(checkpoint.resolve(DitTrainer.TRAINER_JSON).toFile());
    assertEquals(model.toAbsolutePath().toString(), record.path("data").path("init").asText());
    Files.createDirectories(checkpoint.resolve(TrainingRun.MODEL));
    Files.copy(
        model.resolve(DitModel.TOKENIZER_FILE),
        checkpoint.resolve(TrainingRun.MODEL).resolve(DitModel.TOKENIZER_FILE));
    Path resumed = dir.resolve("from-init-resumed");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.resume(m, checkpoint)) {
      assertEquals(1, t.stepsDone());
      t.saveCheckpoint(resumed);
    }
    record = new ObjectMapper().readTree(resumed.resolve(DitTrainer.TRAINER_JSON).toFile());
    assertEquals(model.toAbsolutePath().toString(), record.path("data").path("init").asText());
    // A model of other shapes is refused with the folder named.
    DitConfig d = tiny(1).dit();
    DitConfig deeper =
        new DitConfig(
            d.width(),
            d.depth() + 1,
            d.heads(),
            d.mlpRatio(),
            d.patch(),
            d.latentChannels(),
            d.textWidth(),
            d.maxTextLength());
    try (NDManager m = NDManager.newBaseManager()) {
      CheckpointException e =
          assertThrows(
              CheckpointException.class,
              () ->
                  DitTrainer.start(
                      m, tiny(1).withModel(deeper, tiny(1).text()), vaeDir, null, model));
      assertTrue(e.getMessage().contains("cannot start from this model"), e.getMessage());
    }
  }

  @Test
  void badModelFoldersAreRefusedWithTheProblemNamed() throws Exception {
    Path model = dir.resolve("bad");
    try (NDManager m = NDManager.newBaseManager();
        DitTrainer t = DitTrainer.start(m, tiny(1), vaeDir)) {
      t.averagedModel().save(model, null);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      DitModel.load(m, model).close(); // the good one loads
      Files.delete(model.resolve(DitModel.TOKENIZER_FILE));
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> DitModel.load(m, model));
      assertTrue(e.getMessage().contains("tokenizer.txt"), e.getMessage());
      Files.writeString(model.resolve(DitModel.CONFIG_FILE), "{\"format\": \"kinora-vae/2\"}");
      e = assertThrows(CheckpointException.class, () -> DitModel.load(m, model));
      assertTrue(e.getMessage().contains("not a Kinora DiT config"), e.getMessage());
      e =
          assertThrows(
              CheckpointException.class, () -> DitModel.load(m, dir.resolve("no-such-model")));
      assertTrue(e.getMessage().contains("no such model folder"), e.getMessage());
    }
    assertFalse(Files.exists(model.resolve(DitModel.TOKENIZER_FILE)));
  }
}
