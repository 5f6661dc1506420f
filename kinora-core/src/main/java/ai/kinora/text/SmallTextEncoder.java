package ai.kinora.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.CrossAttention;
import ai.kinora.nn.Embedding;
import ai.kinora.nn.Init;
import ai.kinora.nn.LayerNorm;
import ai.kinora.nn.Linear;
import ai.kinora.nn.Mlp;
import ai.kinora.nn.Namespace;
import ai.kinora.nn.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Kinora's built-in text encoder, trained jointly with the diffusion transformer: word embeddings
 * plus learned positions, a few pre-norm transformer layers (bidirectional self-attention over the
 * prompt, padding masked; MLP) and a final layer norm. Small, because Kinora World's language is
 * small; the interface leaves room for a pretrained encoder.
 */
public final class SmallTextEncoder implements TextEncoder {

  /** The encoder's shape; {@code maxLength} counts the start token. */
  public record Config(int width, int depth, int heads, int mlpRatio, int maxLength) {

    public Config {
      if (width <= 0 || depth < 0 || heads <= 0 || width % heads != 0) {
        throw new IllegalArgumentException(
            "text encoder needs width > 0 divisible by heads > 0 and depth >= 0, got width "
                + width
                + ", heads "
                + heads
                + ", depth "
                + depth);
      }
      if (mlpRatio < 1 || maxLength < 2) {
        throw new IllegalArgumentException("text encoder needs mlp ratio >= 1 and max length >= 2");
      }
    }

    /** For tests: one layer, width 32. */
    public static final Config TINY = new Config(32, 1, 2, 2, 32);

    /** Shipped: long enough for three-object descriptive captions (about 110 tokens). */
    public static final Config DEFAULT = new Config(128, 2, 4, 4, 128);

    /** For bigger machines. */
    public static final Config LARGE = new Config(256, 4, 4, 4, 192);
  }

  private record Layer(LayerNorm norm1, CrossAttention attention, LayerNorm norm2, Mlp mlp) {}

  private final Config config;
  private final Tokenizer tokenizer;
  private final Parameters parameters;
  private final Embedding embedding;
  private final NDArray positions; // (maxLength, D)
  private final List<Layer> layers = new ArrayList<>();
  private final LayerNorm finalNorm;

  public SmallTextEncoder(Namespace ns, Config config, Tokenizer tokenizer) {
    this.config = config;
    this.tokenizer = tokenizer;
    this.parameters = ns.parameters();
    int d = config.width();
    // Word and position embeddings at unit scale, and every residual branch's output projection
    // at zero, so that a fresh encoder is LayerNorm(word + position): each token starts as its own
    // word. (With GPT-2's N(0, 0.02) embeddings, the branches' biases and averaged attention
    // outputs outweighed the words, and within 300 training steps two different captions pooled
    // to cosine 0.9998: the DiT never saw what the prompt said; see docs/dit-notes.md.)
    this.embedding = new Embedding(ns.child("embedding"), tokenizer.size(), d, new Init.Normal(1));
    this.positions = ns.create("positions", new Shape(config.maxLength(), d), new Init.Normal(1));
    for (int i = 0; i < config.depth(); i++) {
      Namespace layer = ns.child("layers").child(i);
      Layer l =
          new Layer(
              new LayerNorm(layer.child("norm1"), d, 1e-6, true),
              new CrossAttention(layer.child("attention"), d, d, config.heads()),
              new LayerNorm(layer.child("norm2"), d, 1e-6, true),
              new Mlp(layer.child("mlp"), d, config.mlpRatio() * d));
      for (Linear out : List.of(l.attention().out(), l.mlp().fc2())) {
        Init.ZEROS.fill(out.weight());
        Init.ZEROS.fill(out.bias());
      }
      layers.add(l);
    }
    this.finalNorm = new LayerNorm(ns.child("final_norm"), d, 1e-6, true);
  }

  @Override
  public TextEmbedding encode(List<String> prompts) {
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("no prompts to encode");
    }
    if (!parameters.inStep()) {
      throw new IllegalStateException("encode runs inside an open Step of the model's parameters");
    }
    List<int[]> encoded = new ArrayList<>();
    int length = 1;
    for (String prompt : prompts) {
      int[] ids = tokenizer.encode(prompt, config.maxLength()).ids();
      encoded.add(ids);
      length = Math.max(length, ids.length);
    }
    int b = prompts.size();
    long[] ids = new long[b * length];
    boolean[] real = new boolean[b * length];
    for (int i = 0; i < b; i++) {
      int[] row = encoded.get(i);
      for (int j = 0; j < row.length; j++) {
        ids[i * length + j] = row[j];
        real[i * length + j] = true;
      }
    }
    NDManager manager = positions.getManager(); // the open step's manager while it borrows them
    NDArray mask = manager.create(real, new Shape(b, length)); // (B, L)
    NDArray x =
        embedding
            .forward(manager.create(ids, new Shape(b, length))) // (B, L, D)
            .add(positions.get(":" + length)); // (B, L, D)
    for (Layer layer : layers) {
      NDArray h = layer.norm1().forward(x); // (B, L, D)
      x = x.add(layer.attention().forward(h, h, mask)); // (B, L, D)
      x = x.add(layer.mlp().forward(layer.norm2().forward(x))); // (B, L, D)
    }
    return new TextEmbedding(finalNorm.forward(x), mask); // (B, L, D), (B, L)
  }

  @Override
  public int width() {
    return config.width();
  }

  @Override
  public int maxLength() {
    return config.maxLength();
  }

  @Override
  public List<String> unknownWords(String prompt) {
    return tokenizer.encode(prompt, Integer.MAX_VALUE).unknown();
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  public Config config() {
    return config;
  }
}
