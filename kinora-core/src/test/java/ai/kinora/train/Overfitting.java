package ai.kinora.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.TinyModel;
import ai.kinora.flow.LogitNormal;
import ai.kinora.flow.Schedule;
import ai.kinora.flow.TimeShift;
import ai.kinora.nn.AdamW;
import ai.kinora.nn.Gradients;
import ai.kinora.nn.LrSchedule;
import ai.kinora.nn.Step;
import ai.kinora.sampling.Conditioning;
import ai.kinora.sampling.EulerSolver;
import ai.kinora.sampling.Guidance;
import ai.kinora.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link TinyModel} (text encoder and DiT jointly) on a few fixed (latent, caption) pairs:
 * the loop the overfitting tests share. Each pair appears {@link #COPIES} times in every batch,
 * with its own times and noise, which makes the steps steadier.
 */
final class Overfitting {

  static final int COPIES = 8;

  /** The mean training loss over the first and over the last 20 steps. */
  record Losses(double first, double last) {
    double ratio() {
      return first / last;
    }
  }

  private Overfitting() {}

  /** {@code steps} AdamW updates at lr 3e-3 on {@code targets} (B, C, T, H, W) and captions. */
  static Losses train(TinyModel model, NDArray targets, List<String> captions, int steps) {
    DitTrainStep train =
        new DitTrainStep(
            model.dit,
            model.text,
            new DitTrainStep.Config(LogitNormal.STANDARD, TimeShift.NONE, 0));
    AdamW adam = new AdamW(model.params, new AdamW.Config(0.9, 0.99, 1e-8, 0));
    LrSchedule schedule = LrSchedule.constant(3e-3, 20);
    SplittableRandom rng = new SplittableRandom(5);
    NDArray repeated = targets.repeat(0, COPIES); // (B k, C, T, H, W): a, a, .., b, b, ..
    List<String> batchCaptions = new ArrayList<>();
    for (String c : captions) {
      for (int k = 0; k < COPIES; k++) {
        batchCaptions.add(c);
      }
    }
    boolean[][] noMasks = new boolean[batchCaptions.size()][(int) targets.getShape().get(2)];
    double first = 0;
    double last = 0;
    for (int i = 0; i < steps; i++) {
      try (Step step = Step.open(model.params)) {
        NDArray batch = repeated.duplicate();
        batch.attach(step.manager());
        Gradients g = train.run(step, batch, batchCaptions, noMasks, rng);
        g.clipGlobalNorm(1.0);
        adam.update(g, schedule.at(i));
        if (i < 20) {
          first += g.lossValue() / 20;
        }
        if (i >= steps - 20) {
          last += g.lossValue() / 20;
        }
      }
    }
    return new Losses(first, last);
  }

  /** Samples one latent per caption: 20 Euler steps, no guidance, as (B, C, T, H, W). */
  static NDArray sample(Step step, TinyModel model, List<String> captions, Shape shape, long seed) {
    return Sampler.sample(
        step.manager(),
        model.dit,
        model.text.encode(captions),
        shape,
        new Conditioning.None(),
        Schedule.of(20),
        new EulerSolver(),
        Guidance.none(),
        seed);
  }
}
