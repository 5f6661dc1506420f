package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.patch.Patchifier;
import java.util.List;
import java.util.Objects;

/**
 * What a generation is conditioned on besides its text, as data (LTX-Video's conditioning items):
 * every task of Kinora (text-to-video, animate an image, extend forwards or backwards, connect two
 * videos, keyframes, loop, SDEdit, the windows of a minute-long video, storyboard cards) is one of
 * these records or a combination, compiled to a {@link Plan} that the one loop of {@link Sampler}
 * follows. Latents are the VAE's (B or 1, C, T, H, W).
 */
public sealed interface Conditioning {

  /** Text only. */
  record None() implements Conditioning {}

  /**
   * Clean latent frames held at given positions of the output: {@code latents} (B or 1, C, K, H, W)
   * are output latent frames {@code frames} (K indices; negative counts from the end, -1 = last).
   * The first frame animates an image; a video's frames at the start extend it forwards, at the end
   * backwards; A's last and B's first frames connect them; the previous window's tail continues a
   * long video.
   */
  record Frames(NDArray latents, List<Integer> frames) implements Conditioning {
    public Frames {
      Objects.requireNonNull(latents, "latents");
      frames = List.copyOf(frames);
      if (frames.isEmpty()) {
        throw new IllegalArgumentException("frame conditioning needs at least one frame");
      }
    }
  }

  /**
   * The last latent frame (temporal patch) is tied to latent frame {@code onto} at every step, so
   * the video comes back to that frame and can play in a loop.
   */
  record Loop(int onto) implements Conditioning {
    public Loop {
      if (onto < 0) {
        throw new IllegalArgumentException("a loop is tied onto a latent frame >= 0, got " + onto);
      }
    }
  }

  /**
   * SDEdit (Meng et al. 2022): start from {@code source} (B or 1, C, T, H, W) noised to time {@code
   * strength} instead of pure noise; 0 returns the source, 1 ignores it.
   */
  record Edit(NDArray source, double strength) implements Conditioning {
    public Edit {
      Objects.requireNonNull(source, "source");
      if (!(strength >= 0 && strength <= 1)) {
        throw new IllegalArgumentException("edit strength must be in [0, 1], got " + strength);
      }
    }
  }

  /**
   * Several conditions at once (e.g. an image as first frame of a loop); at most one Edit, Loop.
   */
  record All(List<Conditioning> parts) implements Conditioning {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** This condition for output latents of shape {@code latents} (B, C, T, H, W). */
  default Plan compile(NDManager manager, Patchifier patch, Shape latents) {
    Patchifier.Grid grid = patch.grid(latents);
    int b = (int) latents.get(0);
    int n = grid.tokens();
    Shape tokens = new Shape(b, n, patch.tokenSize((int) latents.get(1)));
    return switch (this) {
      case None none -> Plan.none();
      case Frames f -> {
        int frames = (int) latents.get(2);
        boolean[] held = new boolean[frames];
        NDArray[] slices = new NDArray[frames];
        Shape expected =
            new Shape(b, latents.get(1), f.frames().size(), latents.get(3), latents.get(4));
        NDArray source = batched(f.latents(), expected, "frame latents");
        for (int k = 0; k < f.frames().size(); k++) {
          int index = f.frames().get(k);
          int at = index < 0 ? index + frames : index;
          if (at < 0 || at >= frames || held[at]) {
            throw new IllegalArgumentException(
                "frame index "
                    + index
                    + " is out of range for "
                    + frames
                    + " latent frames"
                    + " or given twice");
          }
          held[at] = true;
          slices[at] = source.get(":, :, " + k + ":" + (k + 1)); // (B, C, 1, H, W)
        }
        for (int t = 0; t < frames; t++) {
          if (slices[t] == null) {
            slices[t] =
                manager.zeros(new Shape(b, latents.get(1), 1, latents.get(3), latents.get(4)));
          }
        }
        NDArray clean = patch.patchify(NDArrays.concat(new NDList(slices), 2));
        boolean[] perToken = patch.tokenMask(held, grid);
        boolean[] all = new boolean[b * n];
        for (int i = 0; i < b; i++) {
          System.arraycopy(perToken, 0, all, i * n, n);
        }
        yield new Plan(
            clean, manager.create(all, new Shape(b, n)), 1, null, null); // (B,N,P), (B,N)
      }
      case Loop loop -> {
        if (grid.t() < loop.onto() + 2) {
          throw new IllegalArgumentException(
              "a loop onto latent frame "
                  + loop.onto()
                  + " needs at least "
                  + (loop.onto() + 2)
                  + " latent frames, got "
                  + grid.t());
        }
        long[] tie = new long[n];
        int perFrame = grid.h() * grid.w();
        int last = (grid.t() - 1) * perFrame;
        int onto = loop.onto() * perFrame;
        for (int j = 0; j < n; j++) {
          tie[j] = j >= last ? j - last + onto : j;
        }
        yield new Plan(null, null, 1, null, manager.create(tie)); // (N)
      }
      case Edit e -> {
        NDArray source = patch.patchify(batched(e.source(), latents, "edit source")); // (B,N,P)
        yield new Plan(null, null, e.strength(), source, null);
      }
      case All all -> {
        Plan plan = Plan.none();
        for (Conditioning part : all.parts()) {
          plan = plan.merge(part.compile(manager, patch, latents), tokens);
        }
        yield plan.resolveTie();
      }
    };
  }

  /** {@code array} with the batch of {@code expected}, repeating a batch of one. */
  private static NDArray batched(NDArray array, Shape expected, String what) {
    Shape s = array.getShape();
    if (s.dimension() != expected.dimension()
        || !s.slice(1).equals(expected.slice(1))
        || (s.get(0) != 1 && s.get(0) != expected.get(0))) {
      throw new IllegalArgumentException(what + " must be " + expected + " (or batch 1), got " + s);
    }
    return s.get(0) == expected.get(0) ? array : array.repeat(0, expected.get(0));
  }
}
