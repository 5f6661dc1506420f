package ai.kinora.generate;

import ai.kinora.media.RgbFrame;
import ai.kinora.world.Canvas;
import java.util.ArrayList;
import java.util.List;

/** Loops for {@link Prompting#loop}: a tied window up to 8 s, a bridged long video past it. */
final class Loops {

  private Loops() {}

  static List<RgbFrame> make(Prompting p, TextToVideo.Request request, String caption) {
    int wanted = p.nativeFrames(request.seconds());
    if (wanted > p.windowFrames()) {
      return longLoop(p, request, caption, wanted);
    }
    Canvas canvas = p.canvas(request);
    int j = Math.max(1, Math.round(wanted / 4f)); // groups in the loop
    Window window = new Window(canvas, j + 2, List.of(), true, null, 1);
    List<RgbFrame> decoded =
        p.generator().sample(window, caption, request, new TextToVideo.Stopwatch());
    List<RgbFrame> clip = decoded.subList(LOOP_START, LOOP_START + 4 * j);
    int fade = Math.min(SeamCarry.FADE_FRAMES, clip.size() - 1); // the first frame stays as it is
    return p.report(SeamCarry.before(clip, clip.get(0), decoded.get(LOOP_START + 4 * j), fade));
  }

  /** Seconds of the bridge that closes a loop longer than one window. */
  static final double LOOP_BRIDGE_SECONDS = 4;

  /**
   * A loop longer than one window: a long video from the prompt ({@link Prompting#longVideo}), then
   * a connection from its end back to its start ({@link Prompting#connectWindow}, {@link
   * #LOOP_BRIDGE_SECONDS}), whose last frame leads into the first; {@code wanted} frames in all.
   */
  private static List<RgbFrame> longLoop(
      Prompting p, TextToVideo.Request request, String caption, int wanted) {
    int bridgeWanted = p.nativeFrames(LOOP_BRIDGE_SECONDS);
    int body = wanted - Prompting.connectFrames(bridgeWanted);
    List<RgbFrame> out = new ArrayList<>(wanted);
    double fps = p.generator().nativeFormat().fps();
    p.longVideo(request.withSeconds(body / fps), caption, Prompting.WINDOW_SECONDS, out::add);
    TextToVideo.Request last = request.withSeed(request.seed() + p.windowsFor(body));
    List<RgbFrame> back = p.connectWindow(Prompting.tail(out), out, bridgeWanted, last, caption);
    out.addAll(back);
    return out;
  }

  /**
   * Where a loop starts in its window's frames: inside group 1 (frames 1 .. 4), so that the seam's
   * twin step, frame {@code LOOP_START + 4j - 1} to {@code LOOP_START + 4j}, stays inside the tied
   * group.
   */
  static final int LOOP_START = 3;
}
