package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.Step;
import java.util.List;

/**
 * Measures the per-channel mean and standard deviation of a VAE's raw latents (posterior means)
 * over sample clips and installs them as the VAE's latent normalisation, so that normalised latents
 * have about zero mean and unit variance per channel, the scale diffusion's noise assumes (the role
 * of Stable Diffusion's scaling factor, per channel as in later video VAEs).
 */
public final class LatentStatistics {

  private final double[] sum;
  private final double[] sumSquares;
  private long count; // elements per channel

  public LatentStatistics(int channels) {
    this.sum = new double[channels];
    this.sumSquares = new double[channels];
  }

  /** Adds raw latents (B, L, T', h, w). */
  public void add(NDArray raw) {
    long b = raw.getShape().get(0);
    long l = raw.getShape().get(1);
    if (l != sum.length) {
      throw new IllegalArgumentException("expected " + sum.length + " channels, got " + l);
    }
    float[] v = raw.toFloatArray();
    long perChannel = raw.getShape().size() / (b * l);
    for (int i = 0; i < v.length; i++) {
      int c = (int) ((i / perChannel) % l);
      sum[c] += v[i];
      sumSquares[c] += (double) v[i] * v[i];
    }
    count += b * perChannel;
  }

  public float[] mean() {
    float[] m = new float[sum.length];
    for (int c = 0; c < m.length; c++) {
      m[c] = (float) (sum[c] / count);
    }
    return m;
  }

  /** Standard deviation per channel, at least 1e-6 so the normalisation stays finite. */
  public float[] std() {
    float[] s = new float[sum.length];
    for (int c = 0; c < s.length; c++) {
      double mean = sum[c] / count;
      double variance = Math.max(0, sumSquares[c] / count - mean * mean);
      s[c] = (float) Math.max(1e-6, Math.sqrt(variance));
    }
    return s;
  }

  /** Encodes every clip (1 + 4k frames each), measures, and installs the result in {@code vae}. */
  public static LatentStatistics calibrate(VideoVae vae, List<List<RgbFrame>> clips) {
    LatentStatistics stats = new LatentStatistics(vae.config().latentChannels());
    for (List<RgbFrame> clip : clips) {
      try (Step step = vae.step()) {
        stats.add(vae.posterior(VideoTensors.fromFrames(step.manager(), clip)).mean());
      }
    }
    vae.setLatentNormalisation(stats.mean(), stats.std());
    return stats;
  }
}
