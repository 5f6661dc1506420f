package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A step's backward pass: gradients of a finite loss that come out non-finite are computed once
 * more (a transient CPU fault), while a loss that is itself non-finite is not retried.
 */
class StepTest {

  private NDManager base;
  private Parameters params;
  private NDArray p;

  @BeforeEach
  void setUp() {
    base = NDManager.newBaseManager();
    params = new Parameters(base, DataType.FLOAT32);
    p = params.create("p", new Shape(3), new Init.Constant(0));
  }

  @AfterEach
  void tearDown() {
    params.close();
    base.close();
  }

  @Test
  void aNonFiniteGradientOfAFiniteLossIsComputedOnceMore() {
    AtomicInteger calls = new AtomicInteger();
    try (Step step = Step.open(params)) {
      Gradients g =
          step.backward(
              () ->
                  calls.incrementAndGet() == 1
                      ? p.sqrt().sum() // finite loss 0, but d sqrt(p) / dp = infinity at 0
                      : p.sub(1).square().sum()); // gradient 2 (p - 1) = -2
      assertEquals(2, calls.get());
      assertTrue(g.allFinite());
      assertArrayEquals(new float[] {-2, -2, -2}, g.get("p").toFloatArray());
      assertEquals(3.0, g.lossValue());
    }
  }

  @Test
  void aNonFiniteLossIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    try (Step step = Step.open(params)) {
      Gradients g =
          step.backward(
              () -> {
                calls.incrementAndGet();
                return p.log().sum(); // -infinity
              });
      assertEquals(1, calls.get());
      assertFalse(Double.isFinite(g.lossValue()));
      assertFalse(g.allFinite());
    }
  }

  @Test
  void aFaultThatPersistsIsReturnedAfterOneRetry() {
    AtomicInteger calls = new AtomicInteger();
    try (Step step = Step.open(params)) {
      Gradients g =
          step.backward(
              () -> {
                calls.incrementAndGet();
                return p.sqrt().sum();
              });
      assertEquals(2, calls.get());
      assertFalse(g.allFinite());
    }
  }
}
