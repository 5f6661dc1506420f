package ai.kinora.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.DitModel;
import ai.kinora.flow.Schedule;
import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.nn.Step;
import ai.kinora.sampling.Conditioning;
import ai.kinora.sampling.EulerSolver;
import ai.kinora.sampling.Guidance;
import ai.kinora.sampling.Sampler;
import ai.kinora.text.TextEmbedding;
import ai.kinora.vae.Latents;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to video, end to end: the prompt enhancer writes the descriptive caption, the text encoder
 * encodes it (and the negative or empty prompt for classifier-free guidance), the sampler denoises
 * seeded noise with the diffusion transformer at the native size nearest the requested aspect
 * ratio, the VAE decodes, and the frames are resampled to the requested frame rate and size (centre
 * crop to the aspect ratio, then a filtered resize).
 */
public final class TextToVideo {

  /** What to generate; {@code seconds} 0 makes an image (one frame). */
  public record Request(
      String prompt,
      Canvas size,
      double seconds,
      double fps,
      long seed,
      int steps,
      double guidance,
      String negative) {
    public Request {
      if (prompt == null || prompt.isBlank()) {
        throw new IllegalArgumentException("the prompt is empty");
      }
      if (!(seconds >= 0 && seconds <= 60)) {
        throw new IllegalArgumentException("seconds must be in [0, 60], got " + seconds);
      }
      if (!(fps > 0 && fps <= 120)) {
        throw new IllegalArgumentException("fps must be in (0, 120], got " + fps);
      }
      if (steps < 1 || steps > 1000) {
        throw new IllegalArgumentException("steps must be 1..1000, got " + steps);
      }
      if (!(guidance >= 1 && guidance <= 30)) {
        throw new IllegalArgumentException("guidance must be in [1, 30], got " + guidance);
      }
      negative = negative == null ? "" : negative;
    }

    /** Output frames: round(seconds * fps), at least one. */
    public int frames() {
      return seconds == 0 ? 1 : (int) Math.max(1, Math.round(seconds * fps));
    }
  }

  /** Seconds spent per stage. */
  public record Timings(double text, double denoising, double decoding, double resampling) {}

  /** The frames and what was understood of the prompt. */
  public record Result(
      List<RgbFrame> frames,
      double fps,
      Canvas nativeSize,
      PromptEnhancer.Enhanced prompt,
      Timings timings) {}

  /** Default denoising steps and guidance of the shipped model. */
  public static final int DEFAULT_STEPS = 8;

  public static final double DEFAULT_GUIDANCE = 4;

  private final VideoVae vae;
  private final DitModel model;

  public TextToVideo(VideoVae vae, DitModel model) {
    if (vae.config().latentChannels() != model.dit().config().latentChannels()) {
      throw new IllegalArgumentException(
          "the VAE makes "
              + vae.config().latentChannels()
              + " latent channels but the DiT expects "
              + model.dit().config().latentChannels());
    }
    this.vae = vae;
    this.model = model;
  }

  public Result generate(Request request) {
    PromptEnhancer.Enhanced prompt = PromptEnhancer.enhance(request.prompt(), request.seconds());
    return generate(request, prompt);
  }

  /** Generates from an already enhanced prompt (its caption is what conditions the model). */
  public Result generate(Request request, PromptEnhancer.Enhanced prompt) {
    DitModel.Native nat = model.nativeFormat();
    Canvas canvas = NativeSize.nearest(nat.sizes(), request.size());
    int nativeFrames =
        request.seconds() == 0 ? 1 : (int) Math.max(1, Math.round(request.seconds() * nat.fps()));
    int latentFrames = (nativeFrames - 1 + VaeConfig.TEMPORAL_FACTOR - 1) / 4 + 1;
    int f = VaeConfig.SPATIAL_FACTOR;
    Shape shape =
        new Shape(
            1,
            model.dit().config().latentChannels(),
            latentFrames,
            canvas.height() / f,
            canvas.width() / f);
    long t0 = System.nanoTime();
    float[] values;
    long t1;
    try (Step step = model.step()) {
      TextEmbedding text = model.text().encode(List.of(prompt.caption()));
      Guidance guidance =
          request.guidance() == 1
              ? Guidance.none()
              : Guidance.of(request.guidance(), model.text().encode(List.of(request.negative())));
      t1 = System.nanoTime();
      NDArray latents =
          Sampler.sample(
              step.manager(),
              model.dit(),
              text,
              shape,
              new Conditioning.None(),
              Schedule.of(request.steps()),
              new EulerSolver(),
              guidance,
              request.seed());
      values = latents.toFloatArray();
    }
    long t2 = System.nanoTime();
    List<RgbFrame> decoded = new ArrayList<>(nativeFrames);
    Latents z =
        Latents.of(
            values, (int) shape.get(1), latentFrames, (int) shape.get(3), (int) shape.get(4));
    new VaeCodec(vae)
        .decode(
            z,
            frame -> {
              if (decoded.size() < nativeFrames) {
                decoded.add(frame);
              }
            });
    long t3 = System.nanoTime();
    List<RgbFrame> out = resample(decoded, nat.fps(), request);
    long t4 = System.nanoTime();
    return new Result(
        out,
        request.fps(),
        canvas,
        prompt,
        new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9));
  }

  /** To the requested frame count (by time) and size (centre crop to the aspect, then resize). */
  static List<RgbFrame> resample(List<RgbFrame> frames, double nativeFps, Request request) {
    int want = request.frames();
    List<RgbFrame> timed = frames;
    if (frames.size() > 1 && Math.abs(request.fps() - nativeFps) > 1e-9) {
      timed = Resample.changeFps(new Video(frames, nativeFps), request.fps()).frames();
    }
    List<RgbFrame> out = new ArrayList<>(want);
    Canvas size = request.size();
    for (int i = 0; i < want; i++) {
      RgbFrame frame = timed.get(Math.min(i, timed.size() - 1));
      if (frame.width() != size.width() || frame.height() != size.height()) {
        frame = Resample.cropToAspect(frame, size.width(), size.height()); // crop, then resize
      }
      out.add(frame);
    }
    return out;
  }
}
