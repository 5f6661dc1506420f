package ai.kinora.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.Step;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A VAE folder saves and loads bit-exactly, and bad folders fail with a message naming why. */
class VaeCheckpointTest {

  @TempDir Path dir;
  NDManager base;
  VideoVae vae;
  Path saved;

  @BeforeEach
  void setUp() throws IOException {
    VaeTesting.seed(11);
    base = NDManager.newBaseManager();
    vae = new VideoVae(base, VaeConfig.TINY);
    vae.setLatentNormalisation(
        new float[] {0.5f, -0.25f, 1, 2, 3, 4, 5, Float.MIN_VALUE},
        new float[] {0.1f, 0.2f, 0.3f, 0.4f, 1.5f, 2.5f, 3.5f, 1e-6f});
    saved = dir.resolve("vae");
    vae.save(saved, null);
  }

  @AfterEach
  void tearDown() {
    vae.close();
    base.close();
  }

  String loadError(Path folder) {
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> VideoVae.load(base, folder).close());
    return e.getMessage();
  }

  @Test
  void saveThenLoadIsBitExactIncludingTheLatentNormalisation() throws IOException {
    try (VideoVae loaded = VideoVae.load(base, saved)) {
      assertEquals(vae.config(), loaded.config());
      assertEquals(vae.parameters().names(), loaded.parameters().names());
      for (String name : vae.parameters().names()) {
        assertArrayEquals(
            vae.parameters().get(name).toByteArray(),
            loaded.parameters().get(name).toByteArray(),
            name);
      }
      assertArrayEquals(vae.latentShift(), loaded.latentShift());
      assertArrayEquals(vae.latentScale(), loaded.latentScale());
      try (Step a = vae.step()) {
        NDArray video = a.manager().randomUniform(-1, 1, new Shape(1, 3, 5, 16, 16));
        float[] expected = vae.encode(video).toFloatArray();
        try (Step b = loaded.step()) {
          assertArrayEquals(expected, loaded.encode(video.duplicate()).toFloatArray());
        }
      }
    }
    assertTrue(Files.readString(saved.resolve(VideoVae.CONFIG_FILE)).contains("kinora-vae/1"));
  }

  @Test
  void aTruncatedWeightsFileIsNamedAsTruncated() throws IOException {
    Path weights = saved.resolve(VideoVae.WEIGHTS_FILE);
    try (FileChannel c = FileChannel.open(weights, StandardOpenOption.WRITE)) {
      c.truncate(Files.size(weights) - 100);
    }
    String message = loadError(saved);
    assertTrue(message.contains("truncated"), message);
    assertTrue(message.contains(VideoVae.WEIGHTS_FILE), message);
  }

  @Test
  void aConfigThatDoesNotMatchTheWeightsNamesTheMismatch() throws IOException {
    Path config = saved.resolve(VideoVae.CONFIG_FILE);
    Files.writeString(
        config,
        Files.readString(config).replace("\"latent_channels\" : 8", "\"latent_channels\" : 12"));
    String message = loadError(saved);
    assertTrue(message.contains("shape mismatch"), message);
    assertTrue(message.contains("do not fit"), message);
  }

  @Test
  void missingTensorsAreListedByName() throws IOException {
    vae.parameters()
        .save(saved.resolve(VideoVae.WEIGHTS_FILE), n -> !n.startsWith("decoder.conv_out"));
    String message = loadError(saved);
    assertTrue(message.contains("missing tensor \"decoder.conv_out.weight\""), message);
  }

  @Test
  void wrongShapesAreNamed() throws IOException {
    try (VideoVae other =
        new VideoVae(
            base,
            new VaeConfig(8, 2, List.of(8, 16, 24), List.of(1, 1, 1), List.of(1, 1, 1), 1, 4))) {
      other.save(dir.resolve("other"), null);
    }
    Files.copy(
        dir.resolve("other").resolve(VideoVae.WEIGHTS_FILE),
        saved.resolve(VideoVae.WEIGHTS_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String message = loadError(saved);
    assertTrue(message.contains("shape mismatch for \"encoder.levels.2"), message);
  }

  @Test
  void aBrokenOrMissingConfigIsNamed() throws IOException {
    Files.writeString(saved.resolve(VideoVae.CONFIG_FILE), "{\"format\": \"kinora-vae/1\", ");
    assertTrue(loadError(saved).contains("not valid JSON"));
    Files.writeString(saved.resolve(VideoVae.CONFIG_FILE), "{\"format\": \"something-else\"}");
    assertTrue(loadError(saved).contains("not a Kinora VAE config"));
    Files.delete(saved.resolve(VideoVae.CONFIG_FILE));
    String missing = loadError(saved);
    assertTrue(missing.contains("not a Kinora VAE folder (it has no config.json)"), missing);
    assertTrue(loadError(dir.resolve("nowhere")).contains("no such VAE folder"));
  }
}
