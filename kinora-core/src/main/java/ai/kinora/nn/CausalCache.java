package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The state that lets causal layers process a long video in temporal chunks with exactly the result
 * of processing it whole: each causal convolution keeps the input frames its next output still
 * needs (the last kernelT - 1 frames at stride 1), and each temporal upsample remembers that it has
 * already emitted the clip's first frame. The chunking scheme of streaming video VAEs (CV-VAE,
 * LTX-Video's causal cache), stated for Kinora's layers.
 *
 * <p>Use one cache per clip and pass chunks in order: the first chunk holds 1 + 4k frames (so an
 * image is a one-frame chunk), every later chunk a multiple of 4 frames, for a VAE with two
 * temporal halvings. Memory: the cached frames live in the cache's own manager, never in a step's;
 * {@link #take} hands them to the step that consumes them, so nothing outlives its chunk except
 * what the next chunk needs. Close the cache when the clip is done.
 */
public final class CausalCache implements AutoCloseable {

  private final NDManager manager;
  private final Map<Object, NDArray> tails = new IdentityHashMap<>();
  private final Map<Object, Boolean> started = new IdentityHashMap<>();

  /** An empty cache whose arrays live in a sub-manager of {@code parent}. */
  public CausalCache(NDManager parent) {
    this.manager = parent.newSubManager();
  }

  /** True once {@code layer} has processed a chunk with this cache. */
  boolean started(Object layer) {
    return started.containsKey(layer);
  }

  void markStarted(Object layer) {
    started.put(layer, Boolean.TRUE);
  }

  /**
   * Removes the frames kept for {@code layer} and moves them to {@code into} (the manager of the
   * chunk being processed, which frees them with the chunk); null before the layer's first chunk.
   */
  NDArray take(Object layer, NDManager into) {
    NDArray tail = tails.remove(layer);
    if (tail != null) {
      tail.attach(into);
    }
    return tail;
  }

  /** Keeps a compact copy of {@code frames} for {@code layer}'s next chunk. */
  void keep(Object layer, NDArray frames) {
    NDArray copy = frames.duplicate(); // a view would pin the whole chunk's storage
    copy.attach(manager);
    NDArray old = tails.put(layer, copy);
    if (old != null) {
      old.close();
    }
  }

  @Override
  public void close() {
    tails.clear();
    started.clear();
    manager.close();
  }
}
