package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's multi-tensor ("foreach") kernels and its fused AdamW, over whole lists of tensors in
 * one native call each, through TorchScript ({@link TorchScriptOp}); DJL exposes neither. A
 * training step touches every parameter several times (zeroing, norm, clipping, AdamW, EMA): one
 * DJL call per tensor and operation cost about a tenth of a DiT step (measured with JFR), these
 * calls a few milliseconds. Lists are updated in place; their arrays stay where they are.
 */
public final class Foreach {

  private static final TorchScriptOp NORM =
      new TorchScriptOp(
          "kinora_foreach_norm",
          "ForeachNorm",
          List.of("xs: List[Tensor]"),
          List.of(
              "norms = torch.stack(torch._foreach_norm(xs, 2)).double()",
              "return torch.sqrt(torch.sum(norms * norms))"));

  private static final TorchScriptOp SCALE =
      inPlace("scale", "torch._foreach_mul_(xs, float(factor))", "xs", "factor: Tensor");

  private static final TorchScriptOp ZERO =
      inPlace("zero", "torch._foreach_zero_(xs)", "xs", "marker: Tensor");

  private static final TorchScriptOp LERP =
      inPlace("lerp", "torch._foreach_lerp_(xs, ys, float(weight))", "xs", "ys", "weight: Tensor");

  private static final TorchScriptOp ADAMW =
      new TorchScriptOp(
          "kinora_fused_adamw",
          "FusedAdamW",
          List.of(
              "params: List[Tensor]",
              "grads: List[Tensor]",
              "m: List[Tensor]",
              "v: List[Tensor]",
              "step: Tensor",
              "hyper: Tensor"),
          List.of(
              "steps = [step for _ in params]",
              "none: List[Tensor] = []",
              "torch._fused_adamw_(params, grads, m, v, none, steps, lr=float(hyper[0]),"
                  + " beta1=float(hyper[1]), beta2=float(hyper[2]), weight_decay=float(hyper[3]),"
                  + " eps=float(hyper[4]), amsgrad=False, maximize=False)",
              "return step"));

  private Foreach() {}

  /**
   * A module of one in-place statement on the given list arguments and a last tensor argument,
   * which it returns (a module must return a tensor).
   */
  private static TorchScriptOp inPlace(String name, String statement, String... arguments) {
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < arguments.length - 1; i++) {
      parameters.add(arguments[i] + ": List[Tensor]");
    }
    String last = arguments[arguments.length - 1];
    parameters.add(last);
    String returned = last.substring(0, last.indexOf(':'));
    return new TorchScriptOp(
        "kinora_foreach_" + name,
        "Foreach" + name,
        parameters,
        List.of(statement, "return " + returned));
  }

  /** The L2 norm of all of {@code xs} taken together (each tensor's norm, then theirs). */
  public static double norm(List<NDArray> xs) {
    try (NDArray n = NORM.applyToLists(List.of(xs))) {
      return n.getDouble();
    }
  }

  /** xs *= factor, in place. */
  public static void scale(List<NDArray> xs, double factor) {
    try (NDArray f = scalar(xs, factor);
        NDArray out = SCALE.applyToLists(List.of(xs), f)) {
      // in place: nothing to read
    }
  }

  /** xs = 0, in place. */
  public static void zero(List<NDArray> xs) {
    try (NDArray marker = scalar(xs, 0);
        NDArray out = ZERO.applyToLists(List.of(xs), marker)) {
      // in place: nothing to read
    }
  }

  /** xs += weight * (ys - xs), in place: an exponential moving average with decay 1 - weight. */
  public static void lerp(List<NDArray> xs, List<NDArray> ys, double weight) {
    if (xs.size() != ys.size()) {
      throw new IllegalArgumentException(xs.size() + " tensors to move, " + ys.size() + " targets");
    }
    try (NDArray w = scalar(xs, weight);
        NDArray out = LERP.applyToLists(List.of(xs, ys), w)) {
      // in place: nothing to read
    }
  }

  /**
   * One AdamW update of {@code params} from {@code grads} with moments {@code m} and {@code v} (all
   * in place), as update number {@code step} (from 1; bias correction), by PyTorch's fused kernel:
   * the formula of {@link AdamW}, in one pass over each tensor.
   */
  static void adamw(
      List<NDArray> params,
      List<NDArray> grads,
      List<NDArray> m,
      List<NDArray> v,
      long step,
      double lr,
      AdamW.Config config,
      double weightDecay) {
    int n = params.size();
    if (grads.size() != n || m.size() != n || v.size() != n) {
      throw new IllegalArgumentException("AdamW needs as many gradients and moments as parameters");
    }
    NDArray first = params.getFirst();
    try (NDArray t = first.getManager().create((float) step);
        NDArray hyper =
            first
                .getManager()
                .create(
                    new double[] {lr, config.beta1(), config.beta2(), weightDecay, config.eps()});
        NDArray out = ADAMW.applyToLists(List.of(params, grads, m, v), t, hyper)) {
      // in place: nothing to read
    }
  }

  private static NDArray scalar(List<NDArray> xs, double value) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("no tensors given");
    }
    return xs.getFirst().getManager().create(value); // () float64
  }
}
