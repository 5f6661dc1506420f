package ai.kinora.cli;

import ai.kinora.generate.NativeSize;
import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Prompting;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.world.Canvas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kinora extend}, {@code connect}, {@code loop} and {@code edit}: videos in. Inputs are read
 * and checked before the models load; they are fitted to the native size of the nearest aspect
 * ratio and rate for conditioning, and the output keeps the (first) input's size and frame rate,
 * with the input's own frames where they appear.
 */
final class VideoPromptCommands {

  private VideoPromptCommands() {}

  /**
   * {@code work} on the session's prompting modes, with progress in native frames (those of {@code
   * seconds}) when it spans more than one window; a window is a few seconds, so shorter work shows
   * none.
   */
  static <T> T withProgress(
      ModelSession session, String task, double seconds, Function<Prompting, T> work) {
    long total = session.prompting.nativeFrames(seconds);
    if (total <= session.prompting.windowFrames()) {
      return work.apply(session.prompting);
    }
    try (Progress progress = Progress.start(task, total, "frames")) {
      return work.apply(session.prompting.reporting(progress::stepBy));
    }
  }

  /** What every video-prompting command shares: input handling and the request. */
  abstract static class Base implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin VideoOutput target;

    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "0",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin GenerationOptions generation;

    /** Reads a video, refusing one shorter than {@code minFrames} (at 8 fps) before any work. */
    static Video read(Path file, int minFrames, String what) {
      Video v = VideoReader.read(file);
      int atNative = (int) Math.round(v.durationSeconds() * ClipOptions.DEFAULT_FPS);
      if (atNative < minFrames) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: %d frames (%.2f s) is too short %s: it needs at least %d frames at 8 fps",
                file,
                v.frameCount(),
                v.durationSeconds(),
                what,
                minFrames));
      }
      return v;
    }

    TextToVideo.Request request(String prompt, Video shape, double seconds) {
      return new TextToVideo.Request(
          prompt,
          new Canvas(shape.width(), shape.height()),
          seconds,
          shape.fps(),
          seed,
          generation.steps,
          generation.guidance,
          generation.negative);
    }

    /** The input at the native size (nearest aspect, cropped) and rate. */
    static List<RgbFrame> toNative(ModelSession session, Video v) {
      return toNative(session, v, v);
    }

    /** {@code v} at the native size nearest {@code like}'s aspect (cropped), at the native rate. */
    static List<RgbFrame> toNative(ModelSession session, Video v, Video like) {
      Canvas canvas =
          NativeSize.nearest(
              session.generator.nativeFormat().sizes(), new Canvas(like.width(), like.height()));
      return session.prompting.atNativeRate(
          Prompting.fit(v.frames(), canvas, Prompting.Fit.CROP), v.fps());
    }

    /** Native frames brought to the request's size and rate. */
    static List<RgbFrame> fromNative(
        ModelSession session, List<RgbFrame> natives, TextToVideo.Request request) {
      double nativeFps = session.generator.nativeFormat().fps();
      int count = (int) Math.max(1, Math.round(natives.size() * request.fps() / nativeFps));
      return TextToVideo.resample(natives, nativeFps, request.withSeconds(count / request.fps()));
    }

    void done(
        List<RgbFrame> frames,
        double fps,
        String what,
        String prompt,
        PromptEnhancer.Enhanced enhanced) {
      StillCommands.write(
          target.path,
          frames,
          fps,
          ModelSession.record(generation, spec.name(), prompt, enhanced, seed));
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "wrote %s: %dx%d, %d frames at %s fps (%.2f s), %s%n",
              target.path,
              frames.get(0).width(),
              frames.get(0).height(),
              frames.size(),
              WorldCommand.trim(fps),
              frames.size() / fps,
              what);
    }
  }

  /** {@code kinora extend}. */
  @Command(
      name = "extend",
      mixinStandardHelpOptions = true,
      description = {
        "Extends a video forwards (new frames after it) or, with --backward, backwards (new",
        "frames before it), following the prompt; the output contains the input unchanged and",
        "the new frames, seamless at the join. Long extensions go window by window."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora extend clip.mp4 \"the red circle keeps moving right\" --seconds 4 -o longer.mp4",
        "  ./kinora extend clip.mp4 \"a red circle moves right\" --seconds 2 --backward -o b.mp4"
      })
  static final class Extend extends Base {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video to extend.")
    Path video;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "What the new part shows.")
    String prompt;

    @Option(
        names = "--seconds",
        paramLabel = "S",
        required = true,
        description = "Seconds of new video, up to 60.")
    double seconds;

    @Option(names = "--backward", description = "Add the new part before the video.")
    boolean backward;

    @Override
    public Integer call() throws Exception {
      target.checked();
      ClipOptions.checkedSeconds(seconds);
      Video in = read(video, backward ? 5 : 1, backward ? "to extend backwards" : "to extend");
      PromptEnhancer.Enhanced enhanced =
          ModelSession.enhance(prompt, seconds, generation, spec.commandLine().getErr());
      try (ModelSession session = ModelSession.open(generation)) {
        List<RgbFrame> natives = toNative(session, in);
        TextToVideo.Request r = request(prompt, in, seconds);
        List<RgbFrame> added =
            withProgress(
                session,
                "extend",
                seconds,
                p ->
                    backward
                        ? p.extendBackward(natives, seconds, r, enhanced.caption())
                        : p.extendForward(natives, seconds, r, enhanced.caption()));
        List<RgbFrame> fresh = fromNative(session, added, r);
        List<RgbFrame> out = new ArrayList<>();
        if (backward) {
          out.addAll(fresh);
          out.addAll(in.frames());
        } else {
          out.addAll(in.frames());
          out.addAll(fresh);
        }
        done(
            out,
            in.fps(),
            (backward ? "new frames before " : "new frames after ") + video,
            prompt,
            enhanced);
      }
      return 0;
    }
  }

  /** {@code kinora connect}. */
  @Command(
      name = "connect",
      mixinStandardHelpOptions = true,
      description = {
        "Connects two videos: A, then a transition that starts from A's last frames and ends on",
        "B's first frames, then B (at A's size and frame rate)."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora connect a.mp4 b.mp4 \"a red circle moves right\" --seconds 2 -o ab.mp4"
      })
  static final class Connect extends Base {

    @Parameters(index = "0", paramLabel = "A", description = "The first video.")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The second video.")
    Path second;

    @Parameters(index = "2", paramLabel = "PROMPT", description = "What the transition shows.")
    String prompt;

    @Option(
        names = "--seconds",
        paramLabel = "S",
        defaultValue = "2",
        description = "Seconds of transition, up to 60 (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
      target.checked();
      ClipOptions.checkedSeconds(seconds);
      Video a = read(first, 1, "to connect from");
      Video b = read(second, 5, "to connect to");
      PromptEnhancer.Enhanced enhanced =
          ModelSession.enhance(prompt, seconds, generation, spec.commandLine().getErr());
      try (ModelSession session = ModelSession.open(generation)) {
        TextToVideo.Request r = request(prompt, a, seconds);
        List<RgbFrame> from = toNative(session, a);
        List<RgbFrame> to = toNative(session, b, a);
        List<RgbFrame> middle =
            withProgress(
                session,
                "connect",
                seconds,
                p -> p.connect(from, to, seconds, r, enhanced.caption()));
        List<RgbFrame> out = new ArrayList<>(a.frames());
        out.addAll(fromNative(session, middle, r));
        out.addAll(TextToVideo.resample(b.frames(), b.fps(), r.withSeconds(b.durationSeconds())));
        done(out, a.fps(), "a transition from " + first + " to " + second, prompt, enhanced);
      }
      return 0;
    }
  }

  /** {@code kinora loop}. */
  @Command(
      name = "loop",
      mixinStandardHelpOptions = true,
      description = {
        "Makes a video that loops: its last frame flows into its first. With --from VIDEO, makes",
        "that video loop: the output is the video and a bridge from its end back to its start."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora loop \"a yellow star spins in the middle\" --seconds 4 -o spin.mp4",
        "  ./kinora loop \"a red circle moves in a circle\" --from clip.mp4 --seconds 2 -o l.mp4"
      })
  static final class Loop extends Base {

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What the loop shows.")
    String prompt;

    @Option(
        names = "--seconds",
        paramLabel = "S",
        defaultValue = "4",
        description =
            "Seconds of the loop, or of the bridge with --from, up to 60 (default:"
                + " ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--from", paramLabel = "VIDEO", description = "Make this video loop.")
    Path from;

    @Option(
        names = "--size",
        paramLabel = "WxH",
        defaultValue = ClipOptions.DEFAULT_SIZE,
        description = "Frame size without --from (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(
        names = "--fps",
        paramLabel = "F",
        defaultValue = "8",
        description = "Frames per second without --from (default: ${DEFAULT-VALUE}).")
    double fps;

    @Override
    public Integer call() throws Exception {
      target.checked();
      ClipOptions.checkedSeconds(seconds);
      Video in = from == null ? null : read(from, 5, "to loop");
      PromptEnhancer.Enhanced enhanced =
          ModelSession.enhance(prompt, seconds, generation, spec.commandLine().getErr());
      try (ModelSession session = ModelSession.open(generation)) {
        if (in == null) {
          Canvas canvas = Canvas.parse(size);
          TextToVideo.Request r =
              new TextToVideo.Request(
                  prompt,
                  canvas,
                  seconds,
                  fps,
                  seed,
                  generation.steps,
                  generation.guidance,
                  generation.negative);
          List<RgbFrame> natives =
              withProgress(session, "loop", seconds, p -> p.loop(r, enhanced.caption()));
          done(fromNative(session, natives, r), fps, "a loop", prompt, enhanced);
        } else {
          List<RgbFrame> natives = toNative(session, in);
          TextToVideo.Request r = request(prompt, in, seconds);
          List<RgbFrame> bridge =
              withProgress(
                  session,
                  "loop",
                  seconds,
                  p -> p.connect(natives, natives, seconds, r, enhanced.caption()));
          List<RgbFrame> out = new ArrayList<>(in.frames());
          out.addAll(fromNative(session, bridge, r));
          done(out, in.fps(), from + " and a bridge back to its start", prompt, enhanced);
        }
      }
      return 0;
    }
  }

  /** {@code kinora edit}. */
  @Command(
      name = "edit",
      mixinStandardHelpOptions = true,
      description = {
        "Edits a video by prompt (SDEdit): the video is encoded, noised to --strength and",
        "denoised under the new prompt, so colours, background or style change while the motion",
        "stays. 0 returns the video (as the VAE sees it), 1 ignores it."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora edit clip.mp4 \"a blue circle on a white background\" --strength 0.6 -o e.mp4"
      })
  static final class Edit extends Base {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video to edit.")
    Path video;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "What it should show.")
    String prompt;

    @Option(
        names = "--strength",
        paramLabel = "S",
        defaultValue = "0.6",
        description = "How far from the input, 0..1 (default: ${DEFAULT-VALUE}).")
    double strength;

    @Override
    public Integer call() throws Exception {
      target.checked();
      if (!(strength >= 0 && strength <= 1)) {
        throw new IllegalArgumentException("--strength must be in [0, 1], got " + strength);
      }
      Video in = read(video, 1, "to edit");
      if (in.durationSeconds() > 60) {
        throw new IllegalArgumentException(video + ": longer than 60 s");
      }
      PromptEnhancer.Enhanced enhanced =
          ModelSession.enhance(
              prompt,
              Math.max(in.durationSeconds(), 0.125),
              generation,
              spec.commandLine().getErr());
      try (ModelSession session = ModelSession.open(generation)) {
        TextToVideo.Request r = request(prompt, in, in.durationSeconds());
        List<RgbFrame> natives = toNative(session, in);
        List<RgbFrame> edited = new ArrayList<>();
        int window = 1 + 4 * 8; // 33 native frames per window
        for (int at = 0; at < natives.size(); at += window) {
          List<RgbFrame> part = natives.subList(at, Math.min(natives.size(), at + window));
          edited.addAll(session.prompting.edit(part, strength, r, enhanced.caption()));
        }
        List<RgbFrame> out = fromNative(session, edited, r);
        done(
            out.subList(0, Math.min(out.size(), in.frameCount())),
            in.fps(),
            "edited " + video,
            prompt,
            enhanced);
      }
      return 0;
    }
  }
}
