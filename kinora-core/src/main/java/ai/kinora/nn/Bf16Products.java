package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The matrix products of {@link Linear} and {@link CausalConv3d} with BF16 operands and FP32
 * results, as TorchScript modules ({@link TorchScriptOp}): DJL cannot create BF16 arrays, but a
 * module can cast inside itself, and the casts are differentiable, so gradients reach the FP32
 * parameters as FP32.
 */
final class Bf16Products {

  private static final int BF16 = 15; // torch.bfloat16 as TorchScript's serialised code writes it
  private static final int F32 = 6; // torch.float32

  private static final TorchScriptOp LINEAR =
      new TorchScriptOp(
          "kinora_linear_bf16",
          "LinearBf16",
          List.of("x: Tensor", "w: Tensor", "b: Tensor"),
          List.of(
              "y = torch.linear(torch.to(x, %d), torch.to(w, %d), torch.to(b, %d))"
                  .formatted(BF16, BF16, BF16),
              "return torch.to(y, %d)".formatted(F32)));

  private static final TorchScriptOp MATMUL_T =
      new TorchScriptOp(
          "kinora_matmul_t_bf16",
          "MatmulTBf16",
          List.of("x: Tensor", "w: Tensor"),
          List.of(
              "y = torch.linear(torch.to(x, %d), torch.to(w, %d))".formatted(BF16, BF16),
              "return torch.to(y, %d)".formatted(F32)));

  /** One module per stride and padding, which TorchScript needs as constants. */
  private static final Map<String, TorchScriptOp> CONVOLUTIONS = new ConcurrentHashMap<>();

  private Bf16Products() {}

  /** x W^T + b for x (..., in), W (out, in), b (out). */
  static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return LINEAR.apply(x, unnamed(weight, x), unnamed(bias, x)); // (..., out)
  }

  /** x W^T for x (..., in), W (out, in). */
  static NDArray linear(NDArray x, NDArray weight) {
    return MATMUL_T.apply(x, unnamed(weight, x)); // (..., out)
  }

  /**
   * A 3D convolution of x (B, in, T, H, W) with weight (out, in, kT, k, k) and bias (out), strides
   * (t, s, s) and padding (0, p, p).
   */
  static NDArray conv3d(NDArray x, NDArray weight, NDArray bias, int strideT, int stride, int pad) {
    String key = strideT + "_" + stride + "_" + pad;
    TorchScriptOp op =
        CONVOLUTIONS.computeIfAbsent(
            key,
            k ->
                new TorchScriptOp(
                    "kinora_conv3d_bf16_" + k,
                    "Conv3dBf16",
                    List.of("x: Tensor", "w: Tensor", "b: Tensor"),
                    List.of(
                        ("y = torch.conv3d(torch.to(x, %d), torch.to(w, %d), torch.to(b, %d),"
                                + " [%d, %d, %d], [0, %d, %d])")
                            .formatted(BF16, BF16, BF16, strideT, stride, stride, pad, pad),
                        "return torch.to(y, %d)".formatted(F32))));
    return op.apply(x, unnamed(weight, x), unnamed(bias, x)); // (B, out, T', H', W')
  }

  /**
   * A parameter as the module can take it: named arrays would reach it as dictionary entries, so an
   * unnamed view, owned by the manager of the activations it meets (the parameter's own manager
   * would keep one view per call for good).
   */
  private static NDArray unnamed(NDArray parameter, NDArray activations) {
    NDArray view = parameter.reshape(parameter.getShape());
    view.attach(activations.getManager());
    return view;
  }
}
