package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output shapes of every layer, including causal padding, strides and the 1 + 4k convention. */
class LayerShapesTest extends ParametersFixture {

  @Override
  int seed() {
    return 1;
  }

  Shape run(Layer layer, Shape input) {
    try (Step step = Step.open(params)) {
      return layer.forward(step.manager().randomNormal(input)).getShape();
    }
  }

  @Test
  void linearMapsTheLastDimension() {
    assertEquals(
        new Shape(2, 5, 7), run(new Linear(ns.child("a"), 3, 7, true), new Shape(2, 5, 3)));
    assertEquals(new Shape(4, 2), run(new Linear(ns.child("b"), 3, 2, false), new Shape(4, 3)));
    assertThrows(
        IllegalArgumentException.class,
        () -> run(new Linear(ns.child("c"), 3, 2, true), new Shape(4, 4)));
  }

  @Test
  void normsKeepTheShape() {
    Shape tokens = new Shape(2, 3, 8);
    assertEquals(tokens, run(new LayerNorm(ns.child("ln"), 8, 1e-6, true), tokens));
    assertEquals(tokens, run(new LayerNorm(ns.child("ln0"), 8, 1e-6, false), tokens));
    assertEquals(tokens, run(new RmsNorm(ns.child("rms"), 8, 1e-6), tokens));
    Shape video = new Shape(2, 8, 3, 4, 5);
    assertEquals(video, run(new GroupNorm(ns.child("gn"), 4, 8, 1e-6), video));
    assertEquals(
        new Shape(2, 8, 6, 6),
        run(new GroupNorm(ns.child("gn2"), 2, 8, 1e-6), new Shape(2, 8, 6, 6)));
  }

  @Test
  void causalConvKeepsFramesAtStrideOneAndHalvesThemAtStrideTwo() {
    CausalConv3d same = new CausalConv3d(ns.child("same"), CausalConv3d.Config.cube(3, 5, 3));
    assertEquals(new Shape(1, 5, 5, 6, 6), run(same, new Shape(1, 3, 5, 6, 6)));
    assertEquals(new Shape(1, 5, 1, 6, 6), run(same, new Shape(1, 3, 1, 6, 6)));
    CausalConv3d strided =
        new CausalConv3d(ns.child("strided"), CausalConv3d.Config.cube(3, 4, 3).withStride(2, 2));
    assertEquals(new Shape(2, 4, 3, 4, 3), run(strided, new Shape(2, 3, 5, 8, 6)));
    CausalConv3d pointwise = new CausalConv3d(ns.child("point"), CausalConv3d.Config.cube(3, 2, 1));
    assertEquals(new Shape(1, 2, 4, 3, 3), run(pointwise, new Shape(1, 3, 4, 3, 3)));
    assertEquals(3, CausalConv3d.outputFrames(5, 2));
    assertEquals(1, CausalConv3d.outputFrames(1, 2));
  }

  @Test
  void twoTemporalDownsamplesTakeOnePlusFourKFramesToOnePlusK() {
    Downsample d1 = new Downsample(ns.child("d1"), 2, true, true);
    Downsample d2 = new Downsample(ns.child("d2"), 2, true, true);
    Downsample d3 = new Downsample(ns.child("d3"), 2, false, true);
    Layer encoder = x -> d3.forward(d2.forward(d1.forward(x)));
    assertEquals(new Shape(1, 2, 3, 2, 2), run(encoder, new Shape(1, 2, 9, 16, 16)));
    assertEquals(new Shape(1, 2, 1, 2, 2), run(encoder, new Shape(1, 2, 1, 16, 16)));
    assertThrows(IllegalArgumentException.class, () -> run(d1, new Shape(1, 2, 4, 16, 16)));
    assertThrows(IllegalArgumentException.class, () -> run(d3, new Shape(1, 2, 1, 5, 4)));
  }

  @Test
  void twoTemporalUpsamplesTakeOnePlusKLatentFramesBackToOnePlusFourK() {
    Upsample u1 = new Upsample(ns.child("u1"), 2, true, true);
    Upsample u2 = new Upsample(ns.child("u2"), 2, true, true);
    Upsample u3 = new Upsample(ns.child("u3"), 2, false, true);
    Layer decoder = x -> u3.forward(u2.forward(u1.forward(x)));
    assertEquals(new Shape(1, 2, 9, 16, 16), run(decoder, new Shape(1, 2, 3, 2, 2)));
    assertEquals(new Shape(1, 2, 1, 16, 16), run(decoder, new Shape(1, 2, 1, 2, 2)));
    assertEquals(
        new Shape(1, 2, 3, 2, 2),
        run(new Upsample(ns.child("t"), 2, true, false), new Shape(1, 2, 2, 2, 2)));
  }

  @Test
  void resBlockChangesChannelsOnly() {
    assertEquals(
        new Shape(1, 8, 3, 4, 4),
        run(new ResBlock3d(ns.child("r1"), 4, 8, 2), new Shape(1, 4, 3, 4, 4)));
    assertEquals(
        new Shape(2, 4, 1, 4, 4),
        run(new ResBlock3d(ns.child("r2"), 4, 4, 2), new Shape(2, 4, 1, 4, 4)));
    assertEquals(true, params.contains("r1.skip.weight"));
    assertEquals(false, params.contains("r2.skip.weight"));
  }

  @Test
  void attentionKeepsTheShape() {
    assertEquals(
        new Shape(2, 5, 8), run(new Attention(ns.child("attn"), 8, 2), new Shape(2, 5, 8)));
    assertThrows(IllegalArgumentException.class, () -> new Attention(ns.child("bad"), 8, 3));
  }

  @Test
  void activationsKeepTheShape() {
    try (Step step = Step.open(params)) {
      NDArray x = step.manager().randomNormal(new Shape(2, 3));
      assertEquals(x.getShape(), Activations.silu(x).getShape());
      assertEquals(x.getShape(), Activations.gelu(x).getShape());
      assertEquals(x.getShape(), Activations.geluTanh(x).getShape());
    }
  }

  @Test
  void layersRegisterHierarchicalNames() {
    new ResBlock3d(ns.child("encoder").child("down").child(0), 2, 4, 2);
    assertEquals(
        List.of(
            "encoder.down.0.norm1.weight",
            "encoder.down.0.norm1.bias",
            "encoder.down.0.conv1.weight",
            "encoder.down.0.conv1.bias",
            "encoder.down.0.norm2.weight",
            "encoder.down.0.norm2.bias",
            "encoder.down.0.conv2.weight",
            "encoder.down.0.conv2.bias",
            "encoder.down.0.skip.weight",
            "encoder.down.0.skip.bias"),
        params.names());
    assertEquals(new Shape(4, 2, 3, 3, 3), params.get("encoder.down.0.conv1.weight").getShape());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Linear(ns.child("encoder").child("down").child(0).child("norm1"), 1, 1, true));
  }
}
