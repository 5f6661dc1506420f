package ai.kinora.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.dit.DitConfig;
import ai.kinora.dit.DitModel;
import ai.kinora.dit.TinyModel;
import ai.kinora.text.SmallTextEncoder;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import java.util.List;

/**
 * An untrained tiny VAE and DiT (native sizes 32x32 and 48x32 at 8 fps), seeded, on one torch
 * thread (restored on close): the pipeline the prompting tests run on.
 */
final class TinyPipeline implements AutoCloseable {

  final NDManager manager;
  final VideoVae vae;
  final DitModel model;
  final TextToVideo generator;
  private final int threads;

  TinyPipeline(int seed) {
    Engine.getInstance();
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    Engine.getInstance().setRandomSeed(seed);
    manager = NDManager.newBaseManager();
    vae = new VideoVae(manager, VaeConfig.TINY);
    DitConfig t = DitConfig.TINY;
    model =
        new DitModel(
            manager,
            new DitConfig(
                t.width(),
                t.depth(),
                t.heads(),
                t.mlpRatio(),
                t.patch(),
                8,
                t.textWidth(),
                t.maxTextLength()),
            SmallTextEncoder.Config.TINY,
            TinyModel.tokenizer(),
            new DitModel.Native(List.of(new Canvas(32, 32), new Canvas(48, 32)), 8));
    generator = new TextToVideo(vae, model);
  }

  @Override
  public void close() {
    model.close();
    vae.close();
    manager.close();
    JniUtils.setNumThreads(threads);
  }
}
