package ai.kinora.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The number format of the matrix products in linear layers and convolutions: FP32 throughout, or
 * BF16 products on FP32 tensors (inputs and weights rounded to bfloat16 for the product only,
 * results and every parameter, gradient and optimizer state kept in FP32, as mixed-precision
 * training does). BF16 pays only on CPUs with bfloat16 instructions (AVX512-BF16 or AMX), where it
 * measured 2.7x faster linear layers (docs/nn-notes.md); elsewhere the engine emulates it slowly.
 *
 * <p>The JVM-wide setting comes from the system property {@code kinora.precision}: {@code fp32},
 * {@code bf16}, or {@code auto} (the default), which picks BF16 exactly when the CPU reports those
 * instructions.
 */
public enum Precision {
  FP32,
  BF16;

  private static final boolean CPU_HAS_BF16 = readCpuFlags(); // before current, which reads it
  private static volatile Precision current = fromSetting(System.getProperty("kinora.precision"));

  /** The precision layers use now. */
  public static Precision current() {
    return current;
  }

  /**
   * Sets the precision until the returned scope closes, then restores the one before it; for tests
   * and benchmarks that compare the two.
   */
  public static Scope use(Precision precision) {
    Precision before = current;
    current = precision;
    return () -> current = before;
  }

  /** A setting that ends when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** {@code fp32}, {@code bf16} or {@code auto}/null (what this CPU does well). */
  static Precision fromSetting(String setting) {
    if (setting == null || setting.isBlank() || setting.equalsIgnoreCase("auto")) {
      return cpuHasBf16() ? BF16 : FP32;
    }
    return switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "fp32" -> FP32;
      case "bf16" -> BF16;
      default ->
          throw new IllegalArgumentException(
              "kinora.precision must be fp32, bf16 or auto, got '" + setting + "'");
    };
  }

  /** Whether /proc/cpuinfo lists bfloat16 dot-product instructions (AVX512-BF16 or AMX-BF16). */
  public static boolean cpuHasBf16() {
    return CPU_HAS_BF16;
  }

  private static boolean readCpuFlags() {
    try {
      String info = Files.readString(Path.of("/proc/cpuinfo"));
      return flagsHaveBf16(info);
    } catch (IOException | RuntimeException e) {
      return false; // not Linux, or unreadable: the safe choice
    }
  }

  static boolean flagsHaveBf16(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      if (line.startsWith("flags")) {
        for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
          if (flag.equals("avx512_bf16") || flag.equals("amx_bf16")) {
            return true;
          }
        }
        return false; // every core lists the same flags
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
