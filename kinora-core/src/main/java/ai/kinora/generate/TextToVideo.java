package ai.kinora.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.DitModel;
import ai.kinora.flow.Schedule;
import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.nn.Step;
import ai.kinora.safety.ContentPolicy;
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
import ai.kinora.world.CaptionWording;
import java.util.ArrayList;
import java.util.Arrays;
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
      if (steps < 1 || steps > MAX_STEPS) {
        throw new IllegalArgumentException("steps must be 1.." + MAX_STEPS + ", got " + steps);
      }
      if (!(guidance >= 1 && guidance <= MAX_GUIDANCE)) {
        throw new IllegalArgumentException(
            "guidance must be in [1, " + (int) MAX_GUIDANCE + "], got " + guidance);
      }
      negative = negative == null ? "" : negative;
    }

    /** The same request with another seed (the windows of a long video). */
    public Request withSeed(long newSeed) {
      return new Request(prompt, size, seconds, fps, newSeed, steps, guidance, negative);
    }

    /** The same request for another duration. */
    public Request withSeconds(double newSeconds) {
      return new Request(prompt, size, newSeconds, fps, seed, steps, guidance, negative);
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

  /** The most denoising steps a request may ask for. */
  public static final int MAX_STEPS = 1000;

  /** The largest guidance scale a request may ask for. */
  public static final double MAX_GUIDANCE = 30;

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

  /**
   * Generates from a user's prompt: the content policy first ({@link ContentPolicy}, before any
   * work), then the prompt enhancer.
   */
  public Result generate(Request request) {
    ContentPolicy.standard().check(request.prompt());
    PromptEnhancer.Enhanced prompt =
        PromptEnhancer.enhance(request.prompt(), request.seconds(), model.captionWording());
    return generate(request, prompt);
  }

  /** Generates from an already enhanced prompt (its caption is what conditions the model). */
  public Result generate(Request request, PromptEnhancer.Enhanced prompt) {
    return generate(request, prompt, 1).get(0);
  }

  /**
   * Variations: {@code count} videos of one prompt from seeds seed, seed + 1, ..., denoised as one
   * batch; video i is the one seed + i gives alone. The timings are the batch's.
   */
  public List<Result> generate(Request request, PromptEnhancer.Enhanced prompt, int count) {
    DitModel.Native nat = model.nativeFormat();
    Canvas canvas = NativeSize.forOutput(nat.sizes(), request.size());
    int nativeFrames =
        request.seconds() == 0 ? 1 : (int) Math.max(1, Math.round(request.seconds() * nat.fps()));
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) {
      seeds[i] = request.seed() + i;
    }
    Stopwatch clock = new Stopwatch();
    List<List<RgbFrame>> decoded =
        sample(
            Window.text(canvas, Window.latentFramesFor(nativeFrames)),
            prompt.caption(),
            request,
            seeds,
            clock);
    List<List<RgbFrame>> frames = new ArrayList<>();
    for (List<RgbFrame> d : decoded) {
      frames.add(resample(d.subList(0, nativeFrames), nat.fps(), request));
    }
    clock.resampled();
    List<Result> results = new ArrayList<>();
    for (List<RgbFrame> f : frames) {
      results.add(new Result(f, request.fps(), canvas, prompt, clock.timings()));
    }
    return results;
  }

  /** Seconds per stage, accumulated over the windows of one generation. */
  public static final class Stopwatch {
    private long mark = System.nanoTime();
    private final double[] seconds = new double[4];

    private void lap(int stage) {
      long now = System.nanoTime();
      seconds[stage] += (now - mark) / 1e9;
      mark = now;
    }

    void resampled() {
      lap(3);
    }

    public Timings timings() {
      return new Timings(seconds[0], seconds[1], seconds[2], seconds[3]);
    }
  }

  /** The caption wording of the model, which its prompts are enhanced into. */
  public CaptionWording captionWording() {
    return model.captionWording();
  }

  /** The model's native format (sizes and frame rate). */
  public DitModel.Native nativeFormat() {
    return model.nativeFormat();
  }

  /** Encodes frames already at a native size into the VAE's normalised latents. */
  public Latents encode(List<RgbFrame> frames) {
    return new VaeCodec(vae).encode(frames);
  }

  /**
   * Runs one window: the caption (and the request's negative prompt) encoded, the window's latent
   * frames denoised with its held frames, loop and edit source, and decoded to all {@link
   * Window#videoFrames} native frames.
   */
  public List<RgbFrame> sample(Window window, String caption, Request request, Stopwatch clock) {
    return sample(window, caption, request, new long[] {request.seed()}, clock).get(0);
  }

  /**
   * One window for several seeds at once, as one batch: the frames of each seed, in order. Every
   * generating path passes here, so the content policy is applied here to the request's prompt and
   * to the caption that conditions the model, whoever built it (the commands check earlier too, to
   * refuse before any model loads).
   */
  public List<List<RgbFrame>> sample(
      Window window, String caption, Request request, long[] seeds, Stopwatch clock) {
    ContentPolicy.standard().check(request.prompt());
    ContentPolicy.standard().check(caption);
    int f = VaeConfig.SPATIAL_FACTOR;
    int channels = model.dit().config().latentChannels();
    int h = window.canvas().height() / f;
    int w = window.canvas().width() / f;
    Shape shape = new Shape(seeds.length, channels, window.latentFrames(), h, w);
    float[] values;
    try (Step step = model.step()) {
      NDManager m = step.manager();
      TextEmbedding text = model.text().encode(List.of(caption));
      Guidance guidance =
          request.guidance() == 1
              ? Guidance.none()
              : Guidance.of(request.guidance(), model.text().encode(List.of(request.negative())));
      clock.lap(0);
      NDArray latents =
          Sampler.sample(
              m,
              model.dit(),
              text,
              shape,
              conditioning(m, window, shape),
              Schedule.sampling(request.steps()),
              new EulerSolver(),
              guidance,
              seeds);
      values = latents.toFloatArray();
    }
    clock.lap(1);
    int per = values.length / seeds.length;
    List<List<RgbFrame>> decoded = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      float[] one = Arrays.copyOfRange(values, i * per, (i + 1) * per);
      decoded.add(new VaeCodec(vae).decode(Latents.of(one, channels, window.latentFrames(), h, w)));
    }
    clock.lap(2);
    return decoded;
  }

  /** The window's held frames, loop and edit as one {@link Conditioning}. */
  private static Conditioning conditioning(NDManager m, Window window, Shape shape) {
    List<Conditioning> parts = new ArrayList<>();
    for (Window.Held held : window.held()) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < held.count(); i++) {
        at.add(held.at() + i);
      }
      NDArray z = held.latents().toArray(m, held.from(), held.to()); // (1, C, K, h, w)
      if (!z.getShape().slice(3).equals(shape.slice(3))) {
        throw new IllegalArgumentException(
            "held latents of " + z.getShape() + " do not fit a window of " + shape);
      }
      parts.add(new Conditioning.Frames(z, at));
    }
    if (window.loop()) {
      parts.add(new Conditioning.Loop(Window.LOOP_ONTO));
    }
    if (window.edit() != null) {
      parts.add(new Conditioning.Edit(window.edit().toArray(m), window.strength()));
    }
    return parts.isEmpty()
        ? new Conditioning.None()
        : parts.size() == 1 ? parts.get(0) : new Conditioning.All(parts);
  }

  /** To the requested frame count (by time) and size (centre crop to the aspect, then resize). */
  public static List<RgbFrame> resample(List<RgbFrame> frames, double nativeFps, Request request) {
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
