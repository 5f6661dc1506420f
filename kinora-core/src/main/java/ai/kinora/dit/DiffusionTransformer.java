package ai.kinora.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.Activations;
import ai.kinora.nn.Init;
import ai.kinora.nn.LayerNorm;
import ai.kinora.nn.Linear;
import ai.kinora.nn.Mlp;
import ai.kinora.nn.Namespace;
import ai.kinora.nn.Rope3d;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEmbedding;
import java.util.ArrayList;
import java.util.List;

/**
 * The diffusion transformer (Peebles and Xie 2023, "Scalable Diffusion Models with Transformers")
 * on spacetime patches, as the Sora report describes: patch tokens are embedded, pass {@link
 * DitBlock}s conditioned on the timestep (adaLN-Zero) and the text (cross-attention, plus the
 * pooled text in the adaLN vector), and a final adaLN layer projects them back to patch values: the
 * rectified-flow velocity.
 */
public final class DiffusionTransformer implements VelocityModel {

  /** Sinusoidal frequencies of the timestep embedding (DiT's 256). */
  static final int FREQUENCIES = 256;

  /** Timesteps in [0, 1] are scaled to [0, 1000] before the sinusoids, as SD3 and Flux do. */
  static final double TIME_SCALE = 1000;

  private final DitConfig config;
  private final Linear patchEmbed;
  private final Linear timeIn;
  private final Linear timeOut;
  private final Linear textPool;
  private final List<DitBlock> blocks = new ArrayList<>();
  private final LayerNorm finalNorm;
  private final Linear finalAdaLN;
  private final Linear finalLinear;
  private final Rope3d rope;
  private final Linear framePosition; // null without frame positions
  private final Linear timePosition; // null without time positions

  /** Frequencies per axis of the frame-position sinusoids. */
  static final int POSITION_FREQUENCIES = 6;

  /** Frame-position features per token: sin and cos per axis and frequency, and the first flag. */
  static final int POSITION_FEATURES = 4 * POSITION_FREQUENCIES + 1;

  /**
   * Periods, in latent frames, of the time-position sinusoids: 4 to 64 (half a second to eight
   * seconds at 8 fps); the longest is close to linear over a 4-second clip's 9 latent frames.
   */
  static final int[] TIME_PERIODS = {4, 8, 16, 32, 64};

  /** Time-position features per token: sin and cos per period. */
  static final int TIME_FEATURES = 2 * TIME_PERIODS.length;

  public DiffusionTransformer(Namespace ns, DitConfig config) {
    this.config = config;
    int d = config.width();
    this.patchEmbed = new Linear(ns.child("patch_embed"), config.tokenSize(), d, true);
    this.timeIn = new Linear(ns.child("time_embed").child("fc1"), FREQUENCIES, d, true);
    this.timeOut = new Linear(ns.child("time_embed").child("fc2"), d, d, true);
    this.textPool = new Linear(ns.child("text_pool"), config.textWidth(), d, true);
    for (int i = 0; i < config.depth(); i++) {
      blocks.add(new DitBlock(ns.child("blocks").child(i), config));
    }
    this.finalNorm = new LayerNorm(ns.child("final_norm"), d, 1e-6, false);
    this.finalAdaLN = new Linear(ns.child("final_ada_ln"), d, 2 * d, true);
    this.finalLinear = new Linear(ns.child("final_linear"), d, config.tokenSize(), true);
    this.rope = new Rope3d(Rope3d.Axes.split(config.headDim()), 10_000);
    this.framePosition =
        config.framePositions()
            ? new Linear(ns.child("frame_position"), POSITION_FEATURES, d, true)
            : null;
    this.timePosition =
        config.timePositions()
            ? new Linear(ns.child("time_position"), TIME_FEATURES, d, true)
            : null;
    if (!ns.parameters().placeholders()) {
      initialize();
    }
  }

  /** DiT's initialisation, each choice with its reason. */
  private void initialize() {
    // Transformer linears: Xavier-uniform weights and zero biases, as DiT (the patch embedding is
    // a linear map of flattened patches, so it is treated the same way).
    List<Linear> linears = new ArrayList<>(List.of(patchEmbed, textPool));
    if (framePosition != null) {
      linears.add(framePosition); // a linear map of fixed features, like the patch embedding
    }
    for (DitBlock block : blocks) {
      Mlp mlp = block.mlp();
      linears.addAll(
          List.of(
              block.attention().qkv(),
              block.attention().out(),
              block.crossAttention().query(),
              block.crossAttention().keyValue(),
              mlp.fc1(),
              mlp.fc2()));
    }
    for (Linear l : linears) {
      fill(l, Init.xavierUniform(l.in(), l.out()), Init.ZEROS);
    }
    // Timestep MLP: N(0, 0.02), as DiT.
    fill(timeIn, new Init.Normal(0.02), Init.ZEROS);
    fill(timeOut, new Init.Normal(0.02), Init.ZEROS);
    for (DitBlock block : blocks) {
      // adaLN-Zero: zero modulation makes every gate 0, so each block starts as the identity,
      // which DiT found to train best.
      fill(block.adaLN(), Init.ZEROS, Init.ZEROS);
      // Cross-attention is not gated, so its output starts at zero to keep the block an identity.
      fill(block.crossAttention().out(), Init.ZEROS, Init.ZEROS);
    }
    if (timePosition != null) {
      // Zero, so adding time positions to a trained model leaves its predictions as they were
      // until training moves them (gradients still reach the weights: the features are not zero).
      fill(timePosition, Init.ZEROS, Init.ZEROS);
    }
    // Final layer: zero, so a fresh model predicts exactly zero velocity.
    fill(finalAdaLN, Init.ZEROS, Init.ZEROS);
    fill(finalLinear, Init.ZEROS, Init.ZEROS);
  }

  private static void fill(Linear linear, Init weight, Init bias) {
    weight.fill(linear.weight());
    bias.fill(linear.bias());
  }

  @Override
  public Patchifier patchifier() {
    return config.patch();
  }

  public DitConfig config() {
    return config;
  }

  @Override
  public NDArray forward(
      NDArray tokens, NDArray coords, NDArray t, TextEmbedding text, NDArray conditionMask) {
    Shape s = tokens.getShape();
    if (s.dimension() != 3 || s.get(2) != config.tokenSize()) {
      throw new IllegalArgumentException(
          "DiT tokens must be (B, N, " + config.tokenSize() + "), got " + s);
    }
    long b = s.get(0);
    long n = s.get(1);
    if (!coords.getShape().equals(new Shape(n, 3))) {
      throw new IllegalArgumentException(
          "coordinates must be (" + n + ", 3), got " + coords.getShape());
    }
    if (!t.getShape().equals(new Shape(b))) {
      throw new IllegalArgumentException("timesteps must be (" + b + "), got " + t.getShape());
    }
    if (text.batch() != b
        || text.width() != config.textWidth()
        || text.length() > config.maxTextLength()) {
      throw new IllegalArgumentException(
          "text must be ("
              + b
              + ", L <= "
              + config.maxTextLength()
              + ", "
              + config.textWidth()
              + "), got "
              + text.tokens().getShape());
    }
    if (conditionMask != null
        && (!conditionMask.getShape().equals(new Shape(b, n))
            || conditionMask.getDataType() != DataType.BOOLEAN)) {
      throw new IllegalArgumentException(
          "condition mask must be boolean (" + b + ", " + n + "), got " + conditionMask.getShape());
    }
    NDArray x = patchEmbed.forward(tokens); // (B, N, D)
    if (framePosition != null) {
      x = x.add(framePosition.forward(framePositionFeatures(coords))); // + (N, D)
    }
    if (timePosition != null) {
      x = x.add(timePosition.forward(timePositionFeatures(coords))); // + (N, D)
    }
    NDArray pooled = textPool.forward(text.pooled()); // (B, D)
    NDArray noisy = timestepEmbedding(t).add(pooled); // (B, D)
    NDArray clean = null;
    if (conditionMask != null) {
      NDArray zero = t.getManager().zeros(new Shape(1), t.getDataType()); // (1)
      clean = timestepEmbedding(zero).add(pooled); // (B, D)
    }
    Modulation c = new Modulation(noisy, clean, conditionMask);
    Rope3d.Table table = rope.table(coords); // cos, sin (N, Dh)
    for (DitBlock block : blocks) {
      x = block.forward(x, c, table, text); // (B, N, D)
    }
    NDArray[] m = c.project(finalAdaLN, 2); // 2 x (B, 1 or N, D)
    NDArray h = Modulation.modulate(finalNorm.forward(x), m[0], m[1]); // (B, N, D)
    return finalLinear.forward(h); // (B, N, P)
  }

  /** Sinusoids of t * 1000 (cos then sin, DiT's layout) through a two-layer SiLU MLP: (B, D). */
  NDArray timestepEmbedding(NDArray t) {
    int half = FREQUENCIES / 2;
    float[] frequencies = new float[half];
    for (int i = 0; i < half; i++) {
      frequencies[i] = (float) Math.exp(-Math.log(10_000) * i / half);
    }
    NDManager m = t.getManager();
    NDArray angles =
        t.toType(DataType.FLOAT32, false)
            .mul(TIME_SCALE)
            .expandDims(1)
            .mul(m.create(frequencies).expandDims(0)); // (B, F/2)
    NDArray sinusoids = angles.cos().concat(angles.sin(), 1); // (B, F)
    return timeOut.forward(Activations.silu(timeIn.forward(sinusoids))); // (B, D)
  }

  /**
   * Where each token sits in its frame: sin and cos of pi k (y + 0.5) / H and pi k (x + 0.5) / W
   * for k = 1 .. {@value #POSITION_FREQUENCIES}, with y, x counted from the grid's first row and
   * column and H x W its size, and 1 in the grid's first latent frame (encoded alone, like an
   * image) else 0. Relative to the frame, so the same features serve every size and aspect ratio,
   * and shifting every coordinate changes nothing: (N, {@value #POSITION_FEATURES}).
   */
  static NDArray framePositionFeatures(NDArray coords) {
    int[] c = coords.toType(DataType.INT32, false).toIntArray(); // (N, 3): t, y, x
    int n = c.length / 3;
    int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    for (int i = 0; i < 3 * n; i++) {
      min[i % 3] = Math.min(min[i % 3], c[i]);
      max[i % 3] = Math.max(max[i % 3], c[i]);
    }
    double h = max[1] - min[1] + 1;
    double w = max[2] - min[2] + 1;
    float[] out = new float[n * POSITION_FEATURES];
    int o = 0;
    for (int i = 0; i < n; i++) {
      double y = (c[3 * i + 1] - min[1] + 0.5) / h;
      double x = (c[3 * i + 2] - min[2] + 0.5) / w;
      for (int k = 1; k <= POSITION_FREQUENCIES; k++) {
        out[o++] = (float) Math.sin(Math.PI * k * y);
        out[o++] = (float) Math.cos(Math.PI * k * y);
        out[o++] = (float) Math.sin(Math.PI * k * x);
        out[o++] = (float) Math.cos(Math.PI * k * x);
      }
      out[o++] = c[3 * i] == min[0] ? 1 : 0;
    }
    return coords.getManager().create(out, new Shape(n, POSITION_FEATURES));
  }

  /**
   * How far into the clip each token is: sin and cos of 2 pi k / P for each period P of {@link
   * #TIME_PERIODS}, with k the token's latent frame counted from the grid's first. Rotary positions
   * give only differences of k, and where a moving object is depends on k itself: (N, {@value
   * #TIME_FEATURES}).
   */
  static NDArray timePositionFeatures(NDArray coords) {
    int[] c = coords.toType(DataType.INT32, false).toIntArray(); // (N, 3): t, y, x
    int n = c.length / 3;
    int first = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      first = Math.min(first, c[3 * i]);
    }
    float[] out = new float[n * TIME_FEATURES];
    int o = 0;
    for (int i = 0; i < n; i++) {
      int k = c[3 * i] - first;
      for (int period : TIME_PERIODS) {
        double angle = 2 * Math.PI * k / period;
        out[o++] = (float) Math.sin(angle);
        out[o++] = (float) Math.cos(angle);
      }
    }
    return coords.getManager().create(out, new Shape(n, TIME_FEATURES));
  }
}
