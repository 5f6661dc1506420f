package ai.kinora.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.TinyModel;
import ai.kinora.nn.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in text encoder: shapes, padding, and batch independence. */
class SmallTextEncoderTest {

  @Test
  void encodesABatchWithAPaddingMask() {
    try (TinyModel model = new TinyModel(1);
        Step step = Step.open(model.params)) {
      TextEmbedding e = model.text.encode(List.of("a red circle moves right", ""));
      assertEquals(new Shape(2, 6, 32), e.tokens().getShape());
      assertArrayEquals(
          new boolean[] {
            true, true, true, true, true, true, true, false, false, false, false, false
          },
          e.mask().toBooleanArray());
      assertEquals(List.of("zebra"), model.text.unknownWords("a zebra"));
    }
  }

  @Test
  void aFreshEncoderIsLayerNormOfWordPlusPosition() {
    // Identity at initialisation: every residual branch starts at zero, so each token starts as
    // its own word (the former small-embedding init let the branches swamp the words, and two
    // different captions pooled to cosine 0.9998 within 300 training steps).
    try (TinyModel model = new TinyModel(5);
        Step step = Step.open(model.params)) {
      String prompt = "a small red circle moves to the right";
      NDArray out = model.text.encode(List.of(prompt)).tokens().get("0"); // (L, D)
      int[] ids = TinyModel.tokenizer().encode(prompt, 32).ids();
      long[] longIds = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        longIds[i] = ids[i];
      }
      NDArray x =
          model
              .params
              .get("text.embedding.weight")
              .get(step.manager().create(longIds))
              .add(model.params.get("text.positions").get(":" + ids.length)); // (L, D)
      NDArray centred = x.sub(x.mean(new int[] {1}, true));
      NDArray expected =
          centred.div(centred.square().mean(new int[] {1}, true).add(1e-6f).sqrt()); // (L, D)
      assertTrue(out.sub(expected).abs().max().getFloat() < 1e-4, "identity at init");
      assertTrue(x.square().mean().sqrt().getFloat() > 0.5, "words at unit scale");
    }
  }

  @Test
  void aPromptEncodesTheSameAloneAndInAPaddedBatch() {
    try (TinyModel model = new TinyModel(2);
        Step step = Step.open(model.params)) {
      TextEmbedding alone = model.text.encode(List.of("blue star"));
      TextEmbedding batch = model.text.encode(List.of("blue star", "a small red circle moves up"));
      float[] a = alone.tokens().get("0").toFloatArray();
      float[] b = batch.tokens().get("0, :3").toFloatArray();
      assertEquals(a.length, b.length);
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-5, "element " + i);
      }
    }
  }

  @Test
  void encodingOutsideAStepIsRefused() {
    try (TinyModel model = new TinyModel(3)) {
      assertThrows(IllegalStateException.class, () -> model.text.encode(List.of("red circle")));
    }
  }

  @Test
  void concatPadsTheShorterBatch() {
    try (TinyModel model = new TinyModel(4);
        Step step = Step.open(model.params)) {
      TextEmbedding a = model.text.encode(List.of("red circle"));
      TextEmbedding b = model.text.encode(List.of(""));
      TextEmbedding both = TextEmbedding.concat(a, b);
      assertEquals(new Shape(2, 3, 32), both.tokens().getShape());
      assertArrayEquals(
          new boolean[] {true, true, true, true, false, false}, both.mask().toBooleanArray());
      assertEquals(0f, both.tokens().get("1, 1:").abs().sum().getFloat());
    }
  }
}
