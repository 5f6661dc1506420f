package ai.kinora.cli;

import java.nio.file.Path;

/**
 * Where the shipped models live: {@code models/} in the Kinora folder, which the launcher passes as
 * the system property {@code kinora.home}; the current folder when run otherwise (tests, IDEs).
 */
final class ModelPaths {

  private ModelPaths() {}

  /** The shipped VAE: {@code models/vae}. */
  static Path defaultVae() {
    String home = System.getProperty("kinora.home");
    Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return root.resolve("models").resolve("vae");
  }

  /** {@code given}, or the shipped VAE when null. */
  static Path vae(Path given) {
    return given != null ? given : defaultVae();
  }
}
