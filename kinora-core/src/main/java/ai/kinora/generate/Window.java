package ai.kinora.generate;

import ai.kinora.vae.Latents;
import ai.kinora.world.Canvas;
import java.util.List;

/**
 * One run of the denoising loop, described in latent frames: the native canvas, how many latent
 * frames to generate, which of them are held at given clean latents, whether the last latent frame
 * is tied to an earlier one (a loop), and an optional SDEdit source. Every prompting mode (text,
 * animate, extend, connect, loop, edit, the windows of a long video) is one or more of these.
 *
 * @param canvas the native size the window is generated at
 * @param latentFrames latent frames of the window (1 + k: 1 + 4k video frames)
 * @param held clean latent frames placed at given positions
 * @param loop whether the last latent frame is tied to latent frame {@link #LOOP_ONTO}
 * @param edit the SDEdit source (same shape as the window), or null
 * @param strength SDEdit strength in [0, 1] (ignored without a source)
 */
public record Window(
    Canvas canvas, int latentFrames, List<Held> held, boolean loop, Latents edit, double strength) {

  /**
   * The latent frame a loop's last one is tied to: the first group of four frames, of the same kind
   * as the last (latent frame 0 stands for one frame, encoded alone like an image), so the tied
   * group decodes to the same four frames again and a loop can be cut out of the frames between
   * them (see {@link Prompting#loop}).
   */
  public static final int LOOP_ONTO = 1;

  /**
   * Latent frames {@code from} (inclusive) to {@code to} (exclusive) of {@code latents}, placed at
   * window positions {@code at}, {@code at + 1}, ...
   */
  public record Held(Latents latents, int from, int to, int at) {
    public Held {
      if (from < 0 || to > latents.frames() || from >= to || at < 0) {
        throw new IllegalArgumentException(
            "held latent frames " + from + ".." + to + " of " + latents.frames() + " at " + at);
      }
    }

    public int count() {
      return to - from;
    }
  }

  public Window {
    held = List.copyOf(held);
    if (latentFrames < 1) {
      throw new IllegalArgumentException("a window needs at least one latent frame");
    }
    for (Held h : held) {
      if (h.at() + h.count() > latentFrames) {
        throw new IllegalArgumentException(
            "held frames at " + h.at() + ".." + (h.at() + h.count()) + " outside " + latentFrames);
      }
    }
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("edit strength must be in [0, 1], got " + strength);
    }
  }

  /** Text only. */
  public static Window text(Canvas canvas, int latentFrames) {
    return new Window(canvas, latentFrames, List.of(), false, null, 1);
  }

  /** The same window with some latent frames held. */
  public Window holding(List<Held> more) {
    List<Held> all = new java.util.ArrayList<>(held);
    all.addAll(more);
    return new Window(canvas, latentFrames, all, loop, edit, strength);
  }

  /** Video frames the window decodes to: 1 + 4(latentFrames - 1). */
  public int videoFrames() {
    return 1 + 4 * (latentFrames - 1);
  }

  /** Latent frames needed for at least {@code frames} video frames: 1 + ceil((frames - 1) / 4). */
  public static int latentFramesFor(int frames) {
    return 1 + (Math.max(1, frames) - 1 + 3) / 4;
  }
}
