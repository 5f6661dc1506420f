package ai.kinora.cli;

import java.nio.file.Path;

/**
 * Where the shipped models live: {@code models/} in the Kinora folder, which the launcher passes as
 * the system property {@code kinora.home}; the current folder when run otherwise (tests, IDEs).
 */
final class ModelPaths {

  private ModelPaths() {}

  /** The shipped models: {@code models/} in the Kinora folder. */
  static Path models() {
    String home = System.getProperty("kinora.home");
    Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return root.resolve("models");
  }

  /** The shipped VAE: {@code models/vae}. */
  static Path defaultVae() {
    return models().resolve("vae");
  }

  /** {@code given}, or the shipped text encoder + DiT ({@code models/dit}) when null. */
  static Path dit(Path given) {
    return given != null ? given : models().resolve("dit");
  }

  /** {@code given}, or the shipped VAE when null. */
  static Path vae(Path given) {
    return given != null ? given : defaultVae();
  }
}
