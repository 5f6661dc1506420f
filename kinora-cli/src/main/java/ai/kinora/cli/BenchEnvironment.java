package ai.kinora.cli;

import ai.kinora.nn.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Facts about the machine and process a measurement ran in (cores, Java, CPU, peak memory), so
 * recorded figures say where they came from.
 */
final class BenchEnvironment {

  private BenchEnvironment() {}

  static String describe() {
    return String.format(
        "%d cores available, Java %s, %s, matrix products in %s (%s)",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        cpuModel(),
        Precision.current(),
        Precision.cpuHasBf16() ? "the CPU has bfloat16 instructions" : "no bfloat16 instructions");
  }

  /** The process's peak resident set (VmHWM) in MB, or -1 where /proc is missing. */
  static long peakRssMb() {
    String line = procLine("/proc/self/status", "VmHWM:");
    try {
      return line == null ? -1 : Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String cpuModel() {
    String line = procLine("/proc/cpuinfo", "model name");
    return line == null ? "unknown CPU" : line.substring(line.indexOf(':') + 1).trim();
  }

  /**
   * The first line of a /proc file starting with {@code prefix}, or null (not Linux, unreadable).
   */
  private static String procLine(String file, String prefix) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the figures still stand without this fact.
    }
    return null;
  }
}
