package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PSNR and SSIM against their definitions. */
class FidelityTest {

  static RgbFrame noise(int w, int h, long seed) {
    byte[] rgb = new byte[w * h * 3];
    new SplittableRandom(seed).nextBytes(rgb);
    return new RgbFrame(w, h, rgb);
  }

  static RgbFrame shifted(RgbFrame f, int d) {
    byte[] rgb = f.rgb().clone();
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) Math.max(0, Math.min(255, (rgb[i] & 0xFF) + d));
    }
    return new RgbFrame(f.width(), f.height(), rgb);
  }

  @Test
  void identicalFramesHaveInfinitePsnrAndSsimOne() {
    RgbFrame f = noise(32, 24, 1);
    assertEquals(Double.POSITIVE_INFINITY, Fidelity.psnr(f, f));
    assertEquals(1.0, Fidelity.ssim(f, f), 1e-12);
  }

  @Test
  void psnrFollowsTheMeanSquaredError() {
    RgbFrame gray = RgbFrame.filled(16, 16, 0x808080);
    RgbFrame off = RgbFrame.filled(16, 16, 0x848484); // every value off by 4: MSE 16
    assertEquals(16, Fidelity.mse(gray, off), 1e-12);
    assertEquals(10 * Math.log10(255.0 * 255 / 16), Fidelity.psnr(gray, off), 1e-9);
    // A video pools the error: one exact frame and one off by 4 give MSE 8.
    assertEquals(
        10 * Math.log10(255.0 * 255 / 8),
        Fidelity.psnr(List.of(gray, gray), List.of(gray, off)),
        1e-9);
  }

  @Test
  void ssimIsSymmetricAndFallsWithDistortion() {
    RgbFrame f = noise(40, 40, 2);
    RgbFrame slightly = shifted(f, 3);
    RgbFrame other = noise(40, 40, 3);
    double near = Fidelity.ssim(f, slightly);
    double far = Fidelity.ssim(f, other);
    assertEquals(near, Fidelity.ssim(slightly, f), 1e-12);
    assertTrue(near > 0.95 && near < 1, "a small brightness shift: " + near);
    assertTrue(Math.abs(far) < 0.05, "independent noise is uncorrelated: " + far);
  }

  @Test
  void ssimOfFlatFramesDependsOnlyOnTheirMeans() {
    // With no variance SSIM reduces to its luminance term (2 m1 m2 + C1) / (m1^2 + m2^2 + C1).
    double c1 = Math.pow(0.01 * 255, 2);
    double expected = (2.0 * 100 * 120 + c1) / (100.0 * 100 + 120.0 * 120 + c1);
    assertEquals(
        expected,
        Fidelity.ssim(RgbFrame.filled(20, 20, 0x646464), RgbFrame.filled(20, 20, 0x787878)),
        1e-9);
  }

  @Test
  void smallFramesUseASmallerWindowAndSizesMustMatch() {
    RgbFrame f = noise(8, 8, 4);
    assertEquals(1.0, Fidelity.ssim(f, f), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Fidelity.psnr(f, noise(8, 16, 4)));
  }
}
