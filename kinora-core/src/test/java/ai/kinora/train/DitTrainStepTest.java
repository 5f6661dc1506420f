package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.TinyModel;
import ai.kinora.flow.Noise;
import ai.kinora.nn.AdamW;
import ai.kinora.nn.Gradients;
import ai.kinora.nn.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The joint training step of the DiT and its text encoder. */
class DitTrainStepTest {

  @Test
  void gradientsReachEveryParameterIncludingTheTextEncoder() {
    try (TinyModel model = new TinyModel(1)) {
      DitTrainStep train =
          new DitTrainStep(
              model.dit,
              model.text,
              new DitTrainStep.Config(
                  ai.kinora.flow.LogitNormal.STANDARD, ai.kinora.flow.TimeShift.FLUX, 0));
      AdamW adam = new AdamW(model.params, AdamW.Config.defaults());
      SplittableRandom rng = new SplittableRandom(1);
      boolean[][] masks = {{true, false, false}, {false, false, false}};
      List<String> captions = List.of("a red circle moves right", "a blue square stays still");
      List<String> silent = new ArrayList<>();
      // adaLN-Zero and the zero final layer open the gradient path one layer per update.
      for (int i = 0; i < 5; i++) {
        try (Step step = Step.open(model.params)) {
          NDArray latents = Noise.gaussian(step.manager(), new Shape(2, 4, 3, 8, 8), 100 + i);
          Gradients g = train.run(step, latents, captions, masks, rng);
          assertTrue(Double.isFinite(g.lossValue()));
          silent.clear();
          for (String name : model.params.trainableNames()) {
            if (g.get(name).abs().sum().getFloat() == 0) {
              silent.add(name);
            }
          }
          adam.update(g, 1e-3);
        }
      }
      assertEquals(List.of(), silent, "parameters without gradient after 4 updates");
      assertTrue(model.params.trainableNames().stream().anyMatch(n -> n.startsWith("text.")));
    }
  }
}
