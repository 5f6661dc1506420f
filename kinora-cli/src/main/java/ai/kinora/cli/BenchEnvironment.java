package ai.kinora.cli;

/** Describes the machine a benchmark ran on, so recorded figures say where they came from. */
final class BenchEnvironment {

  private BenchEnvironment() {}

  static String describe() {
    return String.format(
        "%d cores available, Java %s, %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), cpuModel());
  }

  private static String cpuModel() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not Linux, or not readable: the figures still stand without the CPU name.
    }
    return "unknown CPU";
  }
}
