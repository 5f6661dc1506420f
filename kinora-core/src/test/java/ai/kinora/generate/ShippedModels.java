package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the models that ship in the repository's {@code models/} folder. */
public final class ShippedModels {

  private ShippedModels() {}

  /**
   * The shipped model folder {@code name} ("vae" or "dit") at the repository root, or the folder
   * given by -Dkinora.test.NAME=DIR; fails the test when it is missing.
   */
  public static Path dir(String name) {
    String override = System.getProperty("kinora.test." + name);
    Path dir = override != null ? Path.of(override) : Path.of("..", "models", name);
    assertTrue(Files.isDirectory(dir), "the shipped model is missing: " + dir.toAbsolutePath());
    return dir;
  }
}
