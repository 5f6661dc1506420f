package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.AtomicFiles;
import ai.kinora.nn.CausalCache;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.InPlace;
import ai.kinora.nn.Init;
import ai.kinora.nn.Parameters;
import ai.kinora.nn.Step;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kinora's video compression network (the first part of the Sora design): a causal 3D VAE that maps
 * a video (B, 3, 1 + 4k, H, W) in [-1, 1] to a latent (B, L, 1 + k, H/8, W/8) and back. It is
 * causal in time, so the first frame is encoded on its own and an image is a one-frame video.
 *
 * <p>The VAE owns its latent normalisation: a per-channel shift and scale, measured on data after
 * training ({@link LatentStatistics}) and stored with the weights, so {@link #encode} returns
 * latents with roughly zero mean and unit variance per channel and {@link #decode} takes them back;
 * callers never see raw latents. Training uses {@link #posterior} and {@link #decodeRaw}.
 *
 * <p>Tensor methods must run inside a {@link #step()} (the store's per-step memory scope, see
 * {@code ai.kinora.nn.Step}); {@link VaeCodec} wraps them for frames and long videos.
 */
public final class VideoVae implements AutoCloseable {

  /** The weights file in a model folder. */
  public static final String WEIGHTS_FILE = "model.safetensors";

  /** The config file in a model folder. */
  public static final String CONFIG_FILE = "config.json";

  static final String SHIFT = "latent.shift";
  static final String SCALE = "latent.scale";

  /** Bounds of the log-variance, as in Stable Diffusion's VAE, so exp() stays finite. */
  private static final float LOGVAR_MIN = -30f;

  private static final float LOGVAR_MAX = 20f;

  private final VaeConfig config;
  private final Parameters parameters;
  private final Encoder encoder;
  private final Decoder decoder;
  private final NDArray shift; // (L): raw latent = normalised * scale + shift
  private final NDArray scale; // (L)

  /**
   * A freshly initialised VAE in a sub-manager of {@code parent}: every convolution gets PyTorch's
   * default fan-in uniform initialisation and every norm the identity (seed the engine first for a
   * reproducible draw); the latent normalisation starts as the identity (shift 0, scale 1).
   */
  public VideoVae(NDManager parent, VaeConfig config) {
    this(new Parameters(parent, DataType.FLOAT32), config);
  }

  private VideoVae(Parameters parameters, VaeConfig config) {
    this.config = config;
    this.parameters = parameters;
    try {
      this.encoder = new Encoder(parameters.root().child("encoder"), config);
      this.decoder = new Decoder(parameters.root().child("decoder"), config);
      Shape perChannel = new Shape(config.latentChannels());
      this.shift = parameters.createState(SHIFT, perChannel, DataType.FLOAT32, Init.ZEROS);
      this.scale = parameters.createState(SCALE, perChannel, DataType.FLOAT32, Init.ONES);
    } catch (RuntimeException e) {
      parameters.close();
      throw e;
    }
  }

  /**
   * Loads the VAE in {@code dir} ({@value #CONFIG_FILE} and {@value #WEIGHTS_FILE}); a missing,
   * truncated or corrupt file, or weights that do not fit the config, is a {@link
   * CheckpointException} naming the file and the problem.
   */
  public static VideoVae load(NDManager parent, Path dir) throws CheckpointException {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException(dir + ": no such VAE folder");
    }
    if (!Files.exists(dir.resolve(CONFIG_FILE))) {
      throw new CheckpointException(
          dir + ": not a Kinora VAE folder (it has no " + CONFIG_FILE + ")");
    }
    VaeConfig config = VaeConfigJson.read(dir.resolve(CONFIG_FILE));
    VideoVae vae = new VideoVae(Parameters.forLoading(parent, DataType.FLOAT32), config);
    try {
      vae.parameters.load(dir.resolve(WEIGHTS_FILE));
      return vae;
    } catch (CheckpointException e) {
      vae.close();
      throw new CheckpointException(
          e.getMessage() + " (the weights do not fit " + dir.resolve(CONFIG_FILE) + "?)", e);
    } catch (IOException | RuntimeException e) {
      vae.close();
      throw new CheckpointException(dir + ": cannot load the VAE: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the weights and the config (plus {@code extra} fields, e.g. a training record) to {@code
   * dir}, each file atomically.
   */
  public void save(Path dir, ObjectNode extra) throws IOException {
    parameters.save(dir.resolve(WEIGHTS_FILE));
    ObjectNode json = VaeConfigJson.toNode(config);
    if (extra != null) {
      json.setAll(extra);
    }
    AtomicFiles.writeString(dir.resolve(CONFIG_FILE), VaeConfigJson.write(json));
  }

  /** Opens the memory scope that every tensor method below must run in. */
  public Step step() {
    return Step.open(parameters);
  }

  /** Video (B, 3, 1 + 4k, H, W) in [-1, 1] to the diagonal Gaussian posterior over raw latents. */
  public Posterior posterior(NDArray video) {
    checkVideo(video);
    return split(encoder.forward(video)); // mean, logvar: (B, L, 1 + k, H/8, W/8)
  }

  /** Normalised latents (B, L, 1 + k, H/8, W/8) of a video: the posterior mean, normalised. */
  public NDArray encode(NDArray video) {
    return normalise(posterior(video).mean());
  }

  /** One chunk of a long video (see {@link CausalCache}): normalised latents of the chunk. */
  public NDArray encode(NDArray chunk, CausalCache cache) {
    checkSize(chunk);
    return normalise(split(encoder.forward(chunk, cache)).mean());
  }

  /** Normalised latents (B, L, 1 + k, h, w) to video (B, 3, 1 + 4k, 8h, 8w), about [-1, 1]. */
  public NDArray decode(NDArray latents) {
    return decoder.forward(denormalise(checkLatents(latents))); // (B, 3, T, H, W)
  }

  /** One chunk of a long latent sequence (see {@link CausalCache}). */
  public NDArray decode(NDArray latents, CausalCache cache) {
    return decoder.forward(denormalise(checkLatents(latents)), cache); // (B, 3, T_chunk, H, W)
  }

  /** Raw latents (as sampled from the posterior) to video, for training. */
  public NDArray decodeRaw(NDArray raw) {
    return decoder.forward(checkLatents(raw)); // (B, 3, T, H, W)
  }

  private Posterior split(NDArray moments) {
    long l = config.latentChannels();
    NDArray mean = moments.get(":, 0:" + l); // (B, L, T', h, w)
    NDArray logVar = moments.get(":, " + l + ":").clip(LOGVAR_MIN, LOGVAR_MAX); // (B, L, T', h, w)
    return new Posterior(mean, logVar);
  }

  private NDArray normalise(NDArray raw) {
    NDArray s = shift.reshape(1, -1, 1, 1, 1);
    return raw.sub(s).div(scale.reshape(1, -1, 1, 1, 1)); // (B, L, T', h, w)
  }

  private NDArray denormalise(NDArray latents) {
    return latents.mul(scale.reshape(1, -1, 1, 1, 1)).add(shift.reshape(1, -1, 1, 1, 1));
  }

  /** Sets the latent normalisation: raw = normalised * scale + shift, per channel. */
  public void setLatentNormalisation(float[] newShift, float[] newScale) {
    int l = config.latentChannels();
    if (newShift.length != l || newScale.length != l) {
      throw new IllegalArgumentException("need " + l + " shifts and scales");
    }
    for (float s : newScale) {
      if (!(s > 0) || Float.isInfinite(s)) {
        throw new IllegalArgumentException("latent scales must be positive and finite, got " + s);
      }
    }
    try (NDManager scratch = shift.getManager().newSubManager()) {
      InPlace.copy(scratch.create(newShift), shift);
      InPlace.copy(scratch.create(newScale), scale);
    }
  }

  public float[] latentShift() {
    return shift.toFloatArray();
  }

  public float[] latentScale() {
    return scale.toFloatArray();
  }

  private void checkVideo(NDArray video) {
    checkSize(video);
    VaeConfig.latentFrames(Math.toIntExact(video.getShape().get(2)));
  }

  private void checkSize(NDArray video) {
    Shape s = video.getShape();
    if (s.dimension() != 5 || s.get(1) != 3) {
      throw new IllegalArgumentException("the VAE encodes videos (B, 3, T, H, W), got " + s);
    }
    if (s.get(3) % VaeConfig.SPATIAL_FACTOR != 0 || s.get(4) % VaeConfig.SPATIAL_FACTOR != 0) {
      throw new IllegalArgumentException(
          "the VAE needs heights and widths that are multiples of 8, got "
              + s.get(4)
              + "x"
              + s.get(3));
    }
  }

  private NDArray checkLatents(NDArray latents) {
    Shape s = latents.getShape();
    if (s.dimension() != 5 || s.get(1) != config.latentChannels()) {
      throw new IllegalArgumentException(
          "the VAE decodes latents (B, " + config.latentChannels() + ", T, h, w), got " + s);
    }
    return latents;
  }

  public VaeConfig config() {
    return config;
  }

  /** The store of weights and latent normalisation (and, in training, optimizer state). */
  public Parameters parameters() {
    return parameters;
  }

  @Override
  public void close() {
    parameters.close();
  }
}
