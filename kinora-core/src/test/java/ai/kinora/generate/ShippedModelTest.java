package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.kinora.dit.DitModel;
import ai.kinora.eval.Fidelity;
import ai.kinora.eval.ScoreReport;
import ai.kinora.eval.Scorer;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the shipped models (models/vae and models/dit, or -Dkinora.test.vae / .dit): the
 * README's prompt (its frames and its background; the object is what bench quality measures), and
 * animating an image through the same loop.
 */
class ShippedModelTest {

  static NDManager manager;
  static VideoVae vae;
  static DitModel model;
  static TextToVideo generator;

  @BeforeAll
  static void load() throws Exception {
    manager = NDManager.newBaseManager();
    vae = VideoVae.load(manager, ShippedModels.dir("vae"));
    model = DitModel.load(manager, ShippedModels.dir("dit"));
    generator = new TextToVideo(vae, model);
  }

  @AfterAll
  static void close() {
    model.close();
    vae.close();
    manager.close();
  }

  @Test
  void theReadmePromptGivesItsFramesAndItsBackground() {
    String prompt = "a small red circle moves to the right on a gray background";
    TextToVideo.Result r =
        generator.generate(
            new TextToVideo.Request(prompt, new Canvas(128, 128), 4, 8, 0, 8, 4, ""));
    assertEquals(32, r.frames().size());
    ScoreReport report =
        new Scorer().score(new Video(r.frames(), 8), PromptEnhancer.enhance(prompt, 4).scene());
    System.out.println(report.toTable());
    assertTrue(report.find("scene", "background").passed(), report.toTable());
  }

  @Test
  void anAnimatedImageStartsFromTheImage() {
    PromptingBench bench = new PromptingBench(generator, new Canvas(128, 128), 8, 4, 0);
    PromptingBench.Case c = bench.animate();
    RgbFrame image = bench.world(PromptingBench.ANIMATE, 0, 0.125).get(0);
    assertEquals(32, c.frames().size());
    double psnr = Fidelity.psnr(image, c.frames().get(0));
    assertTrue(psnr >= PromptingBench.FIRST_FRAME_DB, psnr + " dB; " + c.figures());
  }
}
