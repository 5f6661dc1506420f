package ai.kinora.train;

import ai.kinora.eval.Fidelity;
import ai.kinora.media.RgbFrame;
import ai.kinora.vae.VaeConfig;
import java.util.List;

/**
 * A VAE's clip reconstructions along the time axis: PSNR by a frame's position in its latent frame
 * (frame 0, encoded alone, then positions 1 to 4 of each group of four), and the mean absolute
 * change from frame to frame of the decoded and the input clips, inside a group and across a group
 * boundary. A decoder whose errors do not follow the video from frame to frame shows larger decoded
 * steps than input steps (flicker), most of all across boundaries.
 */
public final class GroupPositions {

  private final double[] squaredError = new double[1 + VaeConfig.TEMPORAL_FACTOR];
  private final long[] values = new long[1 + VaeConfig.TEMPORAL_FACTOR];
  private final double[] decodedSteps = new double[2]; // inside a group, across a boundary
  private final double[] inputSteps = new double[2];
  private final long[] steps = new long[2];

  /** Adds one clip and its reconstruction (same length, at least two frames to count steps). */
  public void add(List<RgbFrame> input, List<RgbFrame> decoded) {
    if (input.size() != decoded.size()) {
      throw new IllegalArgumentException(
          "a reconstruction of " + decoded.size() + " frames for " + input.size());
    }
    for (int i = 0; i < input.size(); i++) {
      int count = input.get(i).rgb().length;
      int position = position(i);
      squaredError[position] += Fidelity.mse(input.get(i), decoded.get(i)) * count;
      values[position] += count;
      if (i > 0) {
        int across = position == 1 ? 1 : 0; // frame i opens a group: the step from i - 1 crosses
        decodedSteps[across] += decoded.get(i).meanAbsoluteError(decoded.get(i - 1));
        inputSteps[across] += input.get(i).meanAbsoluteError(input.get(i - 1));
        steps[across]++;
      }
    }
  }

  /** 0 for frame 0, else 1 to 4: where frame {@code i} sits in its latent frame's group. */
  static int position(int i) {
    return i == 0 ? 0 : (i - 1) % VaeConfig.TEMPORAL_FACTOR + 1;
  }

  /** Whether any clip of two or more frames was added. */
  public boolean hasSteps() {
    return steps[0] + steps[1] > 0;
  }

  /** PSNR (dB, pooled over every added clip) of the frames at {@code position} (0 to 4). */
  public double psnr(int position) {
    double mse = squaredError[position] / Math.max(1, values[position]);
    return mse == 0 ? 100 : Fidelity.psnrOf(mse); // identical: 100 dB, as VaeEvaluation reports
  }

  /** Mean decoded frame step (levels per channel value) inside a group, or across a boundary. */
  public double decodedStep(boolean acrossBoundary) {
    int k = acrossBoundary ? 1 : 0;
    return decodedSteps[k] / Math.max(1, steps[k]);
  }

  /** The same for the input clips. */
  public double inputStep(boolean acrossBoundary) {
    int k = acrossBoundary ? 1 : 0;
    return inputSteps[k] / Math.max(1, steps[k]);
  }
}
