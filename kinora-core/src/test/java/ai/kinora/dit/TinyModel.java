package ai.kinora.dit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.nn.Init;
import ai.kinora.nn.Parameters;
import ai.kinora.text.SmallTextEncoder;
import ai.kinora.text.Tokenizer;

/**
 * A seeded tiny text encoder and DiT in one parameter store, for tests across packages: the model
 * side at seconds-fast size.
 *
 * <p>While one is open, PyTorch runs on one intra-op thread (restored on close). Tiny tensors gain
 * nothing from a second thread, and when another process keeps the cores busy (a training run), two
 * threads waiting for each other at every op made the overfit test 55x slower (362 s against 6.6 s,
 * measured).
 */
public final class TinyModel implements AutoCloseable {

  private static Tokenizer tokenizer;

  public final NDManager base;
  public final Parameters params;
  public final SmallTextEncoder text;
  public final DiffusionTransformer dit;
  private final int threads;

  public TinyModel(int seed) {
    this(seed, DitConfig.TINY);
  }

  public TinyModel(int seed, DitConfig config) {
    Engine.getInstance(); // loads the native library before the first JNI call
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    Engine.getInstance().setRandomSeed(seed);
    base = NDManager.newBaseManager();
    params = new Parameters(base, DataType.FLOAT32);
    text =
        new SmallTextEncoder(
            params.root().child("text"), SmallTextEncoder.Config.TINY, tokenizer());
    dit = new DiffusionTransformer(params.root().child("dit"), config);
  }

  /** Kinora World's vocabulary, built once per test JVM. */
  public static synchronized Tokenizer tokenizer() {
    if (tokenizer == null) {
      tokenizer = Tokenizer.fromWorld();
    }
    return tokenizer;
  }

  /**
   * Every trainable tensor redrawn from N(0, std), zero-initialised ones included, so that outputs
   * depend on every input (a fresh model predicts exactly zero).
   */
  public TinyModel randomize(double std) {
    randomize(params, std);
    return this;
  }

  /** Every trainable tensor of {@code params} redrawn from N(0, std). */
  public static void randomize(Parameters params, double std) {
    for (String name : params.trainableNames()) {
      NDArray p = params.get(name);
      new Init.Normal(std).fill(p);
    }
  }

  @Override
  public void close() {
    params.close();
    base.close();
    JniUtils.setNumThreads(threads);
  }
}
