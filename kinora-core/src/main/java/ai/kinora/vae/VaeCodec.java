package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.CausalCache;
import ai.kinora.nn.Step;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link VideoVae} for frames of any size and clips of any length, run in temporal chunks so that
 * memory stays bounded however long the video: the first chunk covers 1 + 4(n - 1) frames and every
 * later one 4n frames (n latent frames each), and a {@link CausalCache} carries the causal
 * convolutions' context from chunk to chunk, so the result equals encoding or decoding the clip
 * whole. Frames are read from an iterator and written to a consumer one at a time; only the latents
 * (2 MB for a minute at 128x128) are held whole. Sizes and lengths that do not fit the VAE are
 * padded and cropped back as {@link VideoTensors} describes.
 */
public final class VaeCodec {

  /** Latent frames per chunk by default: 32 video frames, 4 s at 8 fps. */
  public static final int DEFAULT_CHUNK = 8;

  private final VideoVae vae;
  private final int chunk;

  public VaeCodec(VideoVae vae) {
    this(vae, DEFAULT_CHUNK);
  }

  /** A codec that processes {@code chunkLatentFrames} latent frames at a time. */
  public VaeCodec(VideoVae vae, int chunkLatentFrames) {
    if (chunkLatentFrames < 1) {
      throw new IllegalArgumentException("chunk must be at least 1 latent frame");
    }
    this.vae = vae;
    this.chunk = chunkLatentFrames;
  }

  /** Encodes every frame of {@code frames} (at least one; all of one size). */
  public Latents encode(Iterator<RgbFrame> frames) {
    if (!frames.hasNext()) {
      throw new IllegalArgumentException("cannot encode a clip without frames");
    }
    List<float[]> parts = new ArrayList<>();
    int latentFrames = 0;
    int videoFrames = 0;
    int[] size = null; // width, height of the input; h, w of the latent grid
    try (CausalCache cache = new CausalCache(vae.parameters().manager())) {
      boolean first = true;
      while (frames.hasNext()) {
        int want =
            first ? 1 + VaeConfig.TEMPORAL_FACTOR * (chunk - 1) : VaeConfig.TEMPORAL_FACTOR * chunk;
        List<RgbFrame> part = new ArrayList<>(want);
        while (part.size() < want && frames.hasNext()) {
          RgbFrame f = frames.next();
          if (size == null) {
            size = new int[] {f.width(), f.height()};
          } else if (f.width() != size[0] || f.height() != size[1]) {
            throw new IllegalArgumentException(
                "frame "
                    + (videoFrames + part.size())
                    + " is "
                    + f.width()
                    + "x"
                    + f.height()
                    + ", the clip is "
                    + size[0]
                    + "x"
                    + size[1]);
          }
          part.add(VideoTensors.padSize(f));
        }
        videoFrames += part.size();
        int full = first ? VideoTensors.paddedLength(part.size()) : roundUp(part.size());
        while (part.size() < full) {
          part.add(part.get(part.size() - 1)); // pad the clip's end by repeating its last frame
        }
        try (Step step = vae.step()) {
          NDArray video = VideoTensors.fromFrames(step.manager(), part); // (1, 3, T, H, W)
          NDArray z = vae.encode(video, cache); // (1, L, n, h, w)
          parts.add(z.toFloatArray());
          latentFrames += (int) z.getShape().get(2);
        }
        first = false;
      }
    }
    int channels = vae.config().latentChannels();
    int h = VideoTensors.paddedSide(size[1]) / VaeConfig.SPATIAL_FACTOR;
    int w = VideoTensors.paddedSide(size[0]) / VaeConfig.SPATIAL_FACTOR;
    return new Latents(
        concatFrames(parts, channels, latentFrames, h * w),
        channels,
        latentFrames,
        h,
        w,
        videoFrames,
        size[0],
        size[1]);
  }

  /** Encodes a list of frames. */
  public Latents encode(List<RgbFrame> frames) {
    return encode(frames.iterator());
  }

  /**
   * Decodes {@code latents} to {@code latents.videoFrames()} frames, handing each to {@code out}.
   */
  public void decode(Latents latents, Consumer<RgbFrame> out) {
    if (latents.channels() != vae.config().latentChannels()) {
      throw new IllegalArgumentException(
          "latents have "
              + latents.channels()
              + " channels, the VAE "
              + vae.config().latentChannels());
    }
    int emitted = 0;
    try (CausalCache cache = new CausalCache(vae.parameters().manager())) {
      for (int from = 0;
          from < latents.frames() && emitted < latents.videoFrames();
          from += chunk) {
        int to = Math.min(latents.frames(), from + chunk);
        List<RgbFrame> frames;
        try (Step step = vae.step()) {
          NDArray z = latents.toArray(step.manager(), from, to); // (1, L, n, h, w)
          frames = VideoTensors.toFrames(vae.decode(z, cache)); // T = 1 + 4(n - 1) or 4n
        }
        for (RgbFrame f : frames) {
          if (emitted < latents.videoFrames()) {
            out.accept(VideoTensors.cropSize(f, latents.videoWidth(), latents.videoHeight()));
            emitted++;
          }
        }
      }
    }
  }

  /** Decodes {@code latents} into a list of frames. */
  public List<RgbFrame> decode(Latents latents) {
    List<RgbFrame> frames = new ArrayList<>(latents.videoFrames());
    decode(latents, frames::add);
    return frames;
  }

  private static int roundUp(int frames) {
    int f = VaeConfig.TEMPORAL_FACTOR;
    return (frames + f - 1) / f * f;
  }

  /** Joins (L, n_i, h, w) parts along time into (L, T', h, w). */
  private static float[] concatFrames(List<float[]> parts, int channels, int frames, int plane) {
    float[] all = new float[channels * frames * plane];
    int at = 0;
    for (float[] part : parts) {
      int n = part.length / (channels * plane);
      for (int c = 0; c < channels; c++) {
        System.arraycopy(part, c * n * plane, all, (c * frames + at) * plane, n * plane);
      }
      at += n;
    }
    return all;
  }
}
