package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPositionsTest {

  @Test
  void framesSitAtTheirPositionInTheLatentFrame() {
    int[] expected = {0, 1, 2, 3, 4, 1, 2, 3, 4, 1};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], GroupPositions.position(i), "frame " + i);
    }
  }

  @Test
  void errorsAndStepsAreCountedWhereTheyHappen() {
    // input: grey level 10 * i; decoded: the same except frames 2 and 6 (position 2) off by 5
    List<RgbFrame> input = new ArrayList<>();
    List<RgbFrame> decoded = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      int v = 10 * i;
      input.add(RgbFrame.filled(4, 4, v << 16 | v << 8 | v));
      int w = i % 4 == 2 ? v + 5 : v;
      decoded.add(RgbFrame.filled(4, 4, w << 16 | w << 8 | w));
    }
    GroupPositions p = new GroupPositions();
    assertFalse(p.hasSteps());
    p.add(input, decoded);
    assertTrue(p.hasSteps());
    assertEquals(100, p.psnr(0));
    assertEquals(100, p.psnr(1));
    assertEquals(10 * Math.log10(255.0 * 255.0 / 25), p.psnr(2), 1e-9);
    assertEquals(100, p.psnr(4));
    // across boundaries (into frames 1 and 5) both step by 10; inside, decoded steps are 15, 5, 10
    assertEquals(10, p.decodedStep(true), 1e-9);
    assertEquals(10, p.inputStep(true), 1e-9);
    assertEquals(10, p.inputStep(false), 1e-9);
    assertEquals((15 + 5 + 10) * 2 / 6.0, p.decodedStep(false), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> p.add(input, decoded.subList(0, 8)));
  }
}
