package ai.kinora.generate;

import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.vae.Latents;
import ai.kinora.world.Canvas;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Prompting with images and videos, the Sora report's second half: every mode is one or more {@link
 * Window}s of the one denoising loop, with clean latent frames held where the inputs are.
 *
 * <p>The VAE is causal, so a clip's first latent frame encodes its first video frame alone (an
 * image) and every later one a group of four frames. Held frames respect that: context that opens a
 * window is encoded as a clip of its own (its first frame is the window's first, image-like latent
 * frame); context that closes a window is a clip's later latent frames (groups of four), placed at
 * the window's end, with the clip's first frame falling in the generated slot just before them.
 * Inputs are fitted to the native size first ({@link Fit}); outputs are resampled to the request.
 */
public final class Prompting {

  /** How an input of another aspect ratio is fitted to the native size. */
  public enum Fit {
    /** Cut the largest centred region with the target's aspect ratio. */
    CROP,
    /** Fit all of it, with black bars. */
    PAD
  }

  /** Longest new stretch generated in one window; longer ones go window by window. */
  public static final double WINDOW_SECONDS = 8;

  /** Latent frames of context held from an input video (8 video frames plus its first). */
  static final int CONTEXT = 2;

  private final TextToVideo generator;
  private final LongConsumer newFrames;

  public Prompting(TextToVideo generator) {
    this(generator, n -> {});
  }

  private Prompting(TextToVideo generator, LongConsumer newFrames) {
    this.generator = generator;
    this.newFrames = newFrames;
  }

  /**
   * The same modes, telling {@code newFrames} how many native frames each window made as it is done
   * (for progress on long work).
   */
  public Prompting reporting(LongConsumer newFrames) {
    return new Prompting(generator, newFrames);
  }

  /** {@code fresh}, once {@link #newFrames} has been told of it. */
  List<RgbFrame> report(List<RgbFrame> fresh) {
    newFrames.accept(fresh.size());
    return fresh;
  }

  /** The pipeline every window runs through. */
  TextToVideo generator() {
    return generator;
  }

  /** The native canvas for a request, and frames fitted to it. */
  public Canvas canvas(TextToVideo.Request request) {
    return NativeSize.forOutput(generator.nativeFormat().sizes(), request.size());
  }

  public static List<RgbFrame> fit(List<RgbFrame> frames, Canvas canvas, Fit fit) {
    List<RgbFrame> out = new ArrayList<>(frames.size());
    for (RgbFrame f : frames) {
      out.add(
          fit == Fit.CROP
              ? Resample.cropToAspect(f, canvas.width(), canvas.height())
              : Resample.padToAspect(f, canvas.width(), canvas.height()));
    }
    return out;
  }

  /**
   * Refuses a video with fewer than {@code frames} native frames: closing context needs at least
   * one group of four after the clip's first frame.
   */
  static void requireFrames(List<RgbFrame> video, int frames, String what) {
    if (video.size() < frames) {
      throw new IllegalArgumentException(
          "a video of "
              + video.size()
              + " frames is too short "
              + what
              + ": it needs at least "
              + frames
              + " (at the native rate)");
    }
  }

  /** Native frames for {@code seconds} of new video (at least one). */
  public int nativeFrames(double seconds) {
    return (int) Math.max(1, Math.round(seconds * generator.nativeFormat().fps()));
  }

  /** The input's frames converted to the native frame rate. */
  public List<RgbFrame> atNativeRate(List<RgbFrame> frames, double fps) {
    double nativeFps = generator.nativeFormat().fps();
    if (frames.size() < 2 || Math.abs(fps - nativeFps) < 1e-9) {
      return frames;
    }
    return Resample.changeFps(new Video(frames, fps), nativeFps).frames();
  }

  /**
   * Animates {@code image}: it becomes the first frame (held as the first latent frame) and the
   * rest follows the prompt. Returns native frames, the first of them the fitted image itself, the
   * next ones carrying its difference from the VAE's reconstruction ({@link SeamCarry}). Past one
   * window, later windows extend the frames so far ({@link #extendForward}).
   */
  public List<RgbFrame> animate(
      RgbFrame image, Fit fit, TextToVideo.Request request, String caption) {
    Canvas canvas = canvas(request);
    RgbFrame fitted = fit(List.of(image), canvas, fit).get(0);
    Latents first = generator.encode(List.of(fitted));
    int total = nativeFrames(request.seconds());
    int frames = Math.min(total, windowFrames());
    Window window =
        Window.text(canvas, Window.latentFramesFor(frames))
            .holding(List.of(new Window.Held(first, 0, 1, 0)));
    List<RgbFrame> decoded =
        generator.sample(window, caption, request, new TextToVideo.Stopwatch());
    List<RgbFrame> out = new ArrayList<>(total);
    out.add(fitted);
    out.addAll(SeamCarry.after(decoded.subList(1, frames), fitted, decoded.get(0)));
    newFrames.accept(frames);
    forwardWindows(out, total - frames, windowFrames(), request, 1, caption, out::add);
    return out;
  }

  /** Native frames of one window's new stretch ({@link #WINDOW_SECONDS}). */
  public int windowFrames() {
    return nativeFrames(WINDOW_SECONDS);
  }

  /** Windows that {@code frames} new frames take, one window's worth at most in each. */
  int windowsFor(int frames) {
    return (frames + windowFrames() - 1) / windowFrames();
  }

  /**
   * {@code wanted} new frames after {@code video}, window after window of at most {@code window}
   * new frames, each held on the last frames so far; window w samples with the request's seed +
   * {@code firstWindow} + w. Frames go to {@code out} as each window is done, and only the last
   * frames of {@code video} and of the new ones are kept as context, so memory stays bounded.
   */
  void forwardWindows(
      List<RgbFrame> video,
      int wanted,
      int window,
      TextToVideo.Request request,
      int firstWindow,
      String caption,
      Consumer<RgbFrame> out) {
    List<RgbFrame> context = new ArrayList<>(tail(video));
    for (int done = 0, w = firstWindow; done < wanted; w++) {
      int part = Math.min(window, wanted - done);
      TextToVideo.Request r = request.withSeed(request.seed() + w);
      List<RgbFrame> more = extendForwardWindow(context, part, r, caption);
      more.forEach(out);
      done += more.size();
      context.addAll(more);
      context = new ArrayList<>(tail(context));
    }
  }

  /** The last 1 + 4 x {@value #CONTEXT} frames of {@code video} (all of a shorter one). */
  static List<RgbFrame> tail(List<RgbFrame> video) {
    return video.subList(Math.max(0, video.size() - (1 + 4 * CONTEXT)), video.size());
  }

  /** The first 1 + 4 x {@value #CONTEXT} frames of {@code video} (all of a shorter one). */
  private static List<RgbFrame> head(List<RgbFrame> video) {
    return video.subList(0, Math.min(video.size(), 1 + 4 * CONTEXT));
  }

  /**
   * New frames that continue {@code video} (native size and rate), {@code seconds} of them, window
   * by window past {@link #WINDOW_SECONDS} (window w with the request's seed + w). Returns only the
   * new frames.
   */
  public List<RgbFrame> extendForward(
      List<RgbFrame> video, double seconds, TextToVideo.Request request, String caption) {
    requireFrames(video, 1, "to extend");
    List<RgbFrame> out = new ArrayList<>();
    forwardWindows(video, nativeFrames(seconds), windowFrames(), request, 0, caption, out::add);
    return out;
  }

  /**
   * One window of {@code wanted} new frames after {@code video}: its last 1 + 4 x {@value #CONTEXT}
   * frames are held at the window's start. The new frames carry the input's last frame's difference
   * from its reconstruction ({@link SeamCarry}).
   */
  private List<RgbFrame> extendForwardWindow(
      List<RgbFrame> video, int wanted, TextToVideo.Request request, String caption) {
    Canvas canvas = new Canvas(video.get(0).width(), video.get(0).height());
    int contextFrames = Math.min(video.size(), 1 + 4 * CONTEXT);
    int m = (contextFrames - 1) / 4; // context groups after the first frame
    contextFrames = 1 + 4 * m;
    Latents context = generator.encode(video.subList(video.size() - contextFrames, video.size()));
    int k = (wanted + 3) / 4; // new groups
    Window window =
        Window.text(canvas, 1 + m + k).holding(List.of(new Window.Held(context, 0, 1 + m, 0)));
    List<RgbFrame> decoded =
        generator.sample(window, caption, request, new TextToVideo.Stopwatch());
    return report(
        SeamCarry.after(
            decoded.subList(contextFrames, contextFrames + wanted),
            video.get(video.size() - 1),
            decoded.get(contextFrames - 1)));
  }

  /**
   * New frames that lead into {@code video} (native size and rate), {@code seconds} of them, window
   * by window past {@link #WINDOW_SECONDS}, each leading into the frames so far (window w with the
   * request's seed + w). Returns only the new frames.
   */
  public List<RgbFrame> extendBackward(
      List<RgbFrame> video, double seconds, TextToVideo.Request request, String caption) {
    requireFrames(video, 5, "to extend backwards");
    int wanted = nativeFrames(seconds);
    List<RgbFrame> added = new ArrayList<>(wanted);
    List<RgbFrame> context = head(video);
    for (int w = 0; added.size() < wanted; w++) {
      int part = Math.min(windowFrames(), wanted - added.size());
      TextToVideo.Request r = request.withSeed(request.seed() + w);
      List<RgbFrame> more = extendBackwardWindow(context, part, r, caption);
      added.addAll(0, more);
      List<RgbFrame> joined = new ArrayList<>(more);
      joined.addAll(context);
      context = head(joined);
    }
    return added;
  }

  /**
   * One window of {@code wanted} new frames before {@code video}: its first 1 + 4 x {@value
   * #CONTEXT} frames are encoded as a clip and their later latent frames held at the window's end;
   * the generated slot just before them is the video's first frame, which the output keeps from the
   * input. The new frames carry the video's first frame's difference from the generated slot's
   * ({@link SeamCarry}).
   */
  private List<RgbFrame> extendBackwardWindow(
      List<RgbFrame> video, int wanted, TextToVideo.Request request, String caption) {
    Canvas canvas = new Canvas(video.get(0).width(), video.get(0).height());
    int m = Math.min(CONTEXT, (video.size() - 1) / 4);
    Latents head = generator.encode(video.subList(0, 1 + 4 * m));
    int k = (wanted + 3) / 4; // new groups before the video's first frame
    int total = 1 + k + m; // image-like first frame, k new groups, m held groups
    Window window = Window.text(canvas, total);
    window = window.holding(List.of(new Window.Held(head, 1, 1 + m, 1 + k)));
    List<RgbFrame> decoded =
        generator.sample(window, caption, request, new TextToVideo.Stopwatch());
    int firstOfVideo = 4 * k; // the slot of video frame 0
    return report(
        SeamCarry.before(
            decoded.subList(firstOfVideo - wanted, firstOfVideo),
            video.get(0),
            decoded.get(firstOfVideo)));
  }

  /**
   * New frames from the end of {@code a} to the start of {@code b} (both native size and rate):
   * about {@code seconds} of them. Up to {@link #WINDOW_SECONDS}, one window ({@link
   * #connectWindow}): 4g - 1 frames, the nearest such count to the request. Longer, {@code a} is
   * first extended window by window and the last window connects that to {@code b}, so the count is
   * the request's.
   */
  public List<RgbFrame> connect(
      List<RgbFrame> a,
      List<RgbFrame> b,
      double seconds,
      TextToVideo.Request request,
      String caption) {
    requireFrames(a, 1, "to connect from");
    requireFrames(b, 5, "to connect to");
    RgbFrame a0 = a.get(0);
    RgbFrame b0 = b.get(0);
    if (a0.width() != b0.width() || a0.height() != b0.height()) {
      throw new IllegalArgumentException(
          "connect needs both videos at one native size, got "
              + new Canvas(a0.width(), a0.height())
              + " and "
              + new Canvas(b0.width(), b0.height()));
    }
    int wanted = nativeFrames(seconds);
    if (wanted <= windowFrames()) {
      return connectWindow(a, b, wanted, request, caption);
    }
    int lead = wanted - connectFrames(windowFrames());
    List<RgbFrame> out = new ArrayList<>(wanted);
    forwardWindows(a, lead, windowFrames(), request, 0, caption, out::add);
    List<RgbFrame> led = new ArrayList<>(tail(a));
    led.addAll(out);
    TextToVideo.Request last = request.withSeed(request.seed() + windowsFor(lead));
    out.addAll(connectWindow(tail(led), b, windowFrames(), last, caption));
    return out;
  }

  /** New groups of a connection asked for {@code wanted} frames: 4g - 1 frames is the nearest. */
  private static int connectGroups(int wanted) {
    return Math.max(1, Math.round((wanted + 1) / 4f));
  }

  /** Frames a one-window connection asked for {@code wanted} frames makes. */
  static int connectFrames(int wanted) {
    return 4 * connectGroups(wanted) - 1;
  }

  /**
   * One window from the end of {@code a} to the start of {@code b}: a's tail held at the window's
   * start, b's head at its end. Returns only the new frames, {@link #connectFrames} of them.
   */
  List<RgbFrame> connectWindow(
      List<RgbFrame> a, List<RgbFrame> b, int wanted, TextToVideo.Request request, String caption) {
    Canvas canvas = new Canvas(a.get(0).width(), a.get(0).height());
    int ma = Math.max(0, Math.min(CONTEXT, (a.size() - 1) / 4));
    int mb = Math.min(CONTEXT, (b.size() - 1) / 4);
    Latents tail = generator.encode(a.subList(a.size() - (1 + 4 * ma), a.size()));
    Latents head = generator.encode(b.subList(0, 1 + 4 * mb));
    // After a's context (1 + 4ma frames), g new groups end with b's first frame: 4g - 1 new ones,
    // g chosen so that this is the nearest to the request.
    int g = connectGroups(wanted);
    int total = 1 + ma + g + mb;
    List<Window.Held> held = new ArrayList<>();
    held.add(new Window.Held(tail, 0, 1 + ma, 0));
    held.add(new Window.Held(head, 1, 1 + mb, 1 + ma + g));
    List<RgbFrame> decoded =
        generator.sample(
            Window.text(canvas, total).holding(held),
            caption,
            request,
            new TextToVideo.Stopwatch());
    int from = 1 + 4 * ma;
    int slotOfB = 4 * (ma + g); // the generated slot of b's first frame
    List<RgbFrame> fresh = decoded.subList(from, slotOfB);
    int fade = Math.min(SeamCarry.FADE_FRAMES, fresh.size()); // each side's share is 0 at the other
    fresh = SeamCarry.after(fresh, a.get(a.size() - 1), decoded.get(from - 1), fade);
    return report(SeamCarry.before(fresh, b.get(0), decoded.get(slotOfB), fade));
  }

  /**
   * A clip whose last frame flows into its first. The window is latent frame 0, groups 1 .. j and a
   * last group tied to group 1 during sampling ({@link Window#LOOP_ONTO}), so frames 4j + 1 .. 4j +
   * 4 decode the same latents as frames 1 .. 4; the loop is frames {@link Loops#LOOP_START} ..
   * {@code LOOP_START + 4j - 1}, and playing it round, its last frame is followed by frame {@code
   * LOOP_START} where the decoder drew the tied twin, frame {@code LOOP_START + 4j}: the step
   * across the seam is a step inside one latent group, not one across a group boundary (which the
   * decoder draws as a larger change). The last frames carry the difference between the first frame
   * and that twin ({@link SeamCarry}), which the decoder's causal context makes. Native frames: 4j,
   * the nearest to the request.
   */
  public List<RgbFrame> loop(TextToVideo.Request request, String caption) {
    return Loops.make(this, request, caption);
  }

  /**
   * SDEdit: {@code video} (native size and rate) encoded, noised to {@code strength} and denoised
   * under the new prompt in one window; returns as many frames (callers split long videos).
   */
  public List<RgbFrame> edit(
      List<RgbFrame> video, double strength, TextToVideo.Request request, String caption) {
    Canvas canvas = new Canvas(video.get(0).width(), video.get(0).height());
    Latents source = generator.encode(video);
    Window window = new Window(canvas, source.frames(), List.of(), false, source, strength);
    List<RgbFrame> decoded =
        generator.sample(window, caption, request, new TextToVideo.Stopwatch());
    return report(new ArrayList<>(decoded.subList(0, video.size())));
  }

  /**
   * A long video from one prompt, window after window: the first window is text-only, each later
   * one extends the frames so far ({@link #extendForward}); frames go to {@code out} as soon as
   * they are final, so memory stays bounded by one window. Windows of {@code windowSeconds}.
   */
  public void longVideo(
      TextToVideo.Request request, String caption, double windowSeconds, Consumer<RgbFrame> out) {
    int total = nativeFrames(request.seconds());
    int first = Math.min(total, nativeFrames(windowSeconds));
    Canvas canvas = canvas(request);
    List<RgbFrame> frames =
        generator
            .sample(
                Window.text(canvas, Window.latentFramesFor(first)),
                caption,
                request,
                new TextToVideo.Stopwatch())
            .subList(0, first);
    frames.forEach(out);
    newFrames.accept(first);
    forwardWindows(frames, total - first, nativeFrames(windowSeconds), request, 1, caption, out);
  }
}
