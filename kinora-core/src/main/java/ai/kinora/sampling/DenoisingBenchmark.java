package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.dit.DiffusionTransformer;
import ai.kinora.dit.DitConfig;
import ai.kinora.flow.Schedule;
import ai.kinora.nn.Attention;
import ai.kinora.nn.Parameters;
import ai.kinora.nn.Step;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.SmallTextEncoder;
import ai.kinora.text.TextEmbedding;
import ai.kinora.text.Tokenizer;
import java.io.PrintStream;
import java.util.List;

/**
 * Measures what sizes the shipped DiT: one forward pass at the shape of a 4 s 128x128 clip with
 * classifier-free guidance batched (B = 2, latents 16 x 9 x 16 x 16, 576 tokens), for the presets
 * and, with {@code --candidates}, for the other sizes considered; and the whole denoising stage of
 * such a clip with the default model. Run with {@code java -Dai.djl.offline=true -cp ...
 * ai.kinora.sampling.DenoisingBenchmark [--candidates]}; results are recorded in docs/dit-notes.md.
 */
public final class DenoisingBenchmark {

  private DenoisingBenchmark() {}

  static final String PROMPT =
      "A small red circle moves quickly to the right and a large blue square stays still on a"
          + " navy background. The camera pans left.";

  public static void main(String[] args) {
    PrintStream out = System.out;
    List<DitConfig> configs =
        args.length > 0 && args[0].equals("--candidates")
            ? List.of(
                DitConfig.DEFAULT,
                with(DitConfig.DEFAULT, 192, 6, 4),
                with(DitConfig.DEFAULT, 256, 6, 4),
                with(DitConfig.DEFAULT, 256, 8, 4),
                DitConfig.LARGE)
            : List.of(DitConfig.TINY, DitConfig.DEFAULT);
    Tokenizer tokenizer = Tokenizer.fromWorld();
    try (NDManager base = NDManager.newBaseManager()) {
      calibrate(base, out);
      for (DitConfig config : configs) {
        measure(base, config, tokenizer, out);
      }
    }
  }

  static DitConfig with(DitConfig c, int width, int depth, int heads) {
    return new DitConfig(
        width,
        depth,
        heads,
        c.mlpRatio(),
        c.patch(),
        c.latentChannels(),
        c.textWidth(),
        c.maxTextLength());
  }

  static void measure(NDManager base, DitConfig config, Tokenizer tokenizer, PrintStream out) {
    SmallTextEncoder.Config textConfig =
        config == DitConfig.TINY ? SmallTextEncoder.Config.TINY : SmallTextEncoder.Config.DEFAULT;
    if (textConfig.width() != config.textWidth()) {
      textConfig = new SmallTextEncoder.Config(config.textWidth(), 2, 4, 4, config.maxTextLength());
    }
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      SmallTextEncoder text =
          new SmallTextEncoder(params.root().child("text"), textConfig, tokenizer);
      long textCount = params.trainableCount();
      DiffusionTransformer dit = new DiffusionTransformer(params.root().child("dit"), config);
      long ditCount = params.trainableCount() - textCount;
      Patchifier patch = config.patch();
      Shape latents = new Shape(2, config.latentChannels(), 9, 16, 16);
      Patchifier.Grid grid = patch.grid(latents);
      double textSeconds = time(5, () -> encode(params, text));
      double forward = time(5, () -> forward(params, dit, text, latents, grid));
      double gflop = flops(config, 2, grid.tokens(), 32) / 1e9;
      out.printf(
          "width %d depth %d heads %d mlp %d: DiT %.2f M params, text %.2f M;"
              + " text encode (B=2) %.1f ms; forward (B=2, %d tokens) %.1f ms"
              + " (%.1f GFLOP, %.0f GFLOPS)%n",
          config.width(),
          config.depth(),
          config.heads(),
          config.mlpRatio(),
          ditCount / 1e6,
          textCount / 1e6,
          textSeconds * 1e3,
          grid.tokens(),
          forward * 1e3,
          gflop,
          gflop / forward);
      if (config == DitConfig.DEFAULT) {
        for (int steps : new int[] {8, 10, 12}) {
          double seconds = time(1, () -> denoise(params, dit, text, latents.slice(1), steps));
          out.printf(
              "  denoising one 4 s 128x128 clip: text + %d Euler steps with guidance: %.0f ms%n",
              steps, seconds * 1e3);
        }
      }
    }
  }

  /**
   * The nn reference, composed attention on (1, 1024, 256) with 4 heads, measured at 23 ms on an
   * idle machine (docs/nn-notes.md): its time now shows how busy the cores are.
   */
  static void calibrate(NDManager base, PrintStream out) {
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      Attention attention = new Attention(params.root().child("attention"), 256, 4);
      double seconds =
          time(
              5,
              () -> {
                try (Step step = Step.open(params)) {
                  attention
                      .forward(step.manager().randomNormal(new Shape(1, 1024, 256)))
                      .sum()
                      .getFloat();
                }
              });
      out.printf(
          "calibration (%d PyTorch threads): attention (1, 1024, 256) forward %.1f ms"
              + " (23 ms on an idle machine)%n",
          JniUtils.getNumThreads(), seconds * 1e3);
    }
  }

  /** Multiply-adds of one forward pass at batch b, n tokens and l text tokens, times two. */
  static double flops(DitConfig c, int b, int n, int l) {
    double d = c.width();
    double perToken = 3 * d * d + d * d + d * d + d * d + 2.0 * c.mlpRatio() * d * d; // qkv..mlp
    double attention = 2.0 * n * d + 2.0 * l * d; // scores and weighted sum, self and cross
    double text = 2.0 * l * c.textWidth() * d; // cross-attention keys and values
    return 2.0 * b * (c.depth() * (n * (perToken + attention) + text) + n * 2 * c.tokenSize() * d);
  }

  static void encode(Parameters params, SmallTextEncoder text) {
    try (Step step = Step.open(params)) {
      text.encode(List.of(PROMPT, "")).tokens().sum().getFloat();
    }
  }

  static void forward(
      Parameters params,
      DiffusionTransformer dit,
      SmallTextEncoder text,
      Shape latents,
      Patchifier.Grid grid) {
    try (Step step = Step.open(params)) {
      NDManager m = step.manager();
      TextEmbedding embedding = text.encode(List.of(PROMPT, ""));
      NDArray tokens = dit.patchifier().patchify(m.randomNormal(latents)); // (2, N, P)
      NDArray coords = dit.patchifier().coordinates(m, grid); // (N, 3)
      NDArray t = m.create(new float[] {0.5f, 0.5f}); // (2)
      dit.forward(tokens, coords, t, embedding, null).sum().getFloat();
    }
  }

  static void denoise(
      Parameters params, DiffusionTransformer dit, SmallTextEncoder text, Shape one, int steps) {
    try (Step step = Step.open(params)) {
      TextEmbedding prompt = text.encode(List.of(PROMPT));
      TextEmbedding empty = text.encode(List.of(""));
      Sampler.sample(
              step.manager(),
              dit,
              prompt,
              new Shape(1).addAll(one),
              new Conditioning.None(),
              Schedule.of(steps),
              new EulerSolver(),
              Guidance.of(4, empty),
              1)
          .sum()
          .getFloat();
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
