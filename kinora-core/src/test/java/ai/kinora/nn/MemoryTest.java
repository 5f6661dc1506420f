package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Steps scope memory: a training loop leaves the long-lived managers exactly as it found them. */
class MemoryTest {

  @Test
  void twoHundredTrainingStepsKeepTheArrayCountsFlat() {
    NnTesting.seed(4);
    try (NDManager base = NDManager.newBaseManager();
        Parameters params = new Parameters(base, DataType.FLOAT32)) {
      Namespace ns = params.root();
      // Every layer kind, so that any operation attaching a result to a parameter's manager
      // (e.g. a reshape of a norm scale) would show up as growth.
      ResBlock3d block = new ResBlock3d(ns.child("block"), 2, 4, 2);
      Downsample down = new Downsample(ns.child("down"), 4, true, true);
      Upsample up = new Upsample(ns.child("up"), 4, true, true);
      LayerNorm norm = new LayerNorm(ns.child("ln"), 4, 1e-6, true);
      RmsNorm rms = new RmsNorm(ns.child("rms"), 4, 1e-6);
      Attention attention = new Attention(ns.child("attn"), 4, 2);
      AdamW adam = new AdamW(params, AdamW.Config.defaults());
      Ema ema = new Ema(params, 0.99);
      LrSchedule schedule = LrSchedule.cosine(1e-3, 10, 200, 1e-4);

      int storeArrays = params.manager().getManagedArrays().size();
      int baseArrays = base.getManagedArrays().size();
      double firstLoss = Double.NaN;
      double lastLoss = Double.NaN;
      for (int i = 0; i < 200; i++) {
        try (Step step = Step.open(params)) {
          NDArray x = step.manager().randomNormal(new Shape(1, 2, 5, 4, 4));
          Gradients g =
              step.backward(
                  () -> {
                    NDArray h = down.forward(block.forward(x)); // (1, 4, 3, 2, 2)
                    NDArray tokens = h.reshape(1, 4, 12).transpose(0, 2, 1); // (1, 12, 4)
                    tokens = attention.forward(rms.forward(norm.forward(tokens)));
                    NDArray back = tokens.transpose(0, 2, 1).reshape(1, 4, 3, 2, 2);
                    return up.forward(back).square().mean();
                  });
          g.clipGlobalNorm(1.0);
          adam.update(g, schedule.at(i));
          ema.update(i);
          lastLoss = g.lossValue();
          if (i == 0) {
            firstLoss = lastLoss;
          }
        }
        assertEquals(storeArrays, params.manager().getManagedArrays().size(), "store, step " + i);
        assertEquals(baseArrays, base.getManagedArrays().size(), "base manager, step " + i);
      }
      assertTrue(lastLoss < firstLoss, "the loop trains: " + firstLoss + " -> " + lastLoss);
      for (String name : params.names()) {
        assertTrue(!params.get(name).isReleased(), name + " survives the steps");
      }
    }
  }

  @Test
  void onlyOneStepIsOpenAtATime() {
    try (NDManager base = NDManager.newBaseManager();
        Parameters params = new Parameters(base, DataType.FLOAT32)) {
      params.create("w", new Shape(2), Init.ONES);
      try (Step step = Step.open(params)) {
        assertThrows(IllegalStateException.class, () -> Step.open(params));
        assertThrows(
            IllegalStateException.class, () -> params.create("v", new Shape(1), Init.ONES));
      }
      try (Step again = Step.open(params)) {
        assertEquals(params.get("w").getManager(), again.manager(), "tensors are lent");
      }
      assertEquals(params.manager(), params.get("w").getManager(), "and returned");
    }
  }
}
