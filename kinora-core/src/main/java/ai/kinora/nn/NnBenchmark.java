package ai.kinora.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;

/**
 * Measures what decides the VAE's precision and cost on this machine: engine start, a VAE-like
 * causal Conv3d (forward, and forward + backward) in fp32 and fp16, and composed attention. Run
 * with {@code java -Dai.djl.offline=true -cp ... ai.kinora.nn.NnBenchmark [--fp16]}; results are
 * recorded in docs/nn-notes.md.
 */
public final class NnBenchmark {

  private NnBenchmark() {}

  public static void main(String[] args) {
    boolean fp16 = args.length > 0 && args[0].equals("--fp16");
    PrintStream out = System.out;
    long start = System.nanoTime();
    try (NDManager base = NDManager.newBaseManager()) {
      base.ones(new Shape(1)).add(1).getFloat(0);
      out.printf(
          "engine %s %s: start to first op %.0f ms%n",
          Engine.getInstance().getEngineName(),
          Engine.getInstance().getVersion(),
          (System.nanoTime() - start) / 1e6);
      conv3d(base, DataType.FLOAT32, 5, out);
      if (fp16) {
        conv3d(base, DataType.FLOAT16, 1, out);
      } else {
        out.println("fp16 conv3d skipped (slow on CPUs without AVX512-FP16); pass --fp16");
      }
      attention(base, 1024, out);
      attention(base, 4096, out);
    }
  }

  /** A decoder-sized layer: 64 -> 64 channels, 3x3x3, on 9 frames of 64x64. */
  static void conv3d(NDManager base, DataType type, int repeats, PrintStream out) {
    Engine.getInstance().setRandomSeed(0);
    try (Parameters params = new Parameters(base, type)) {
      CausalConv3d conv =
          new CausalConv3d(params.root().child("conv"), CausalConv3d.Config.cube(64, 64, 3));
      Shape input = new Shape(1, 64, 9, 64, 64);
      double flops = 2.0 * 64 * 64 * 27 * 9 * 64 * 64; // multiply-adds of the forward pass
      double forward = time(repeats, () -> runForward(params, conv, input, type));
      out.printf(
          "conv3d %s %s 3x3x3 -> 64: forward %.1f ms (%.0f GFLOPS)%n",
          type, input, forward * 1e3, flops / forward / 1e9);
      double both = time(repeats, () -> runBackward(params, conv, input, type));
      out.printf("conv3d %s forward+backward %.1f ms%n", type, both * 1e3);
    }
  }

  static void runForward(Parameters params, Layer layer, Shape input, DataType type) {
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(input).toType(type, false);
      layer.forward(x).get(0, 0, 0, 0, 0).toType(DataType.FLOAT32, false).getFloat();
    }
  }

  static void runBackward(Parameters params, Layer layer, Shape input, DataType type) {
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(input).toType(type, false);
      Gradients g = step.backward(() -> layer.forward(x).square().mean());
      g.byName().values().iterator().next().toType(DataType.FLOAT32, false).sum().getFloat();
    }
  }

  /** Self-attention over {@code tokens} tokens of width 256 with 4 heads, fp32. */
  static void attention(NDManager base, int tokens, PrintStream out) {
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      Attention attention = new Attention(params.root().child("attn"), 256, 4);
      Shape input = new Shape(1, tokens, 256);
      double forward = time(3, () -> runForward3(params, attention, input));
      double both = time(3, () -> runBackward(params, attention, input, DataType.FLOAT32));
      out.printf(
          "attention fp32 %s, 4 heads: forward %.1f ms, forward+backward %.1f ms%n",
          input, forward * 1e3, both * 1e3);
    }
  }

  static void runForward3(Parameters params, Layer layer, Shape input) {
    try (Step step = Step.open(params)) {
      layer.forward(step.manager().randomNormal(input)).get(0, 0, 0).getFloat();
    }
  }

  /** Seconds per run, after one warm-up run. */
  static double time(int repeats, Runnable run) {
    run.run();
    long start = System.nanoTime();
    for (int i = 0; i < repeats; i++) {
      run.run();
    }
    return (System.nanoTime() - start) / 1e9 / repeats;
  }
}
