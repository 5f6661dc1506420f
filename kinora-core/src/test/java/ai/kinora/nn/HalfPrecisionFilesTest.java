package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-precision safetensors: F32 parameters saved as F16 load back as exactly the F16-rounded
 * values, and F16 or BF16 files (users' pretrained weights) load into F32 parameters widened
 * exactly; other dtype mismatches are still refused.
 */
class HalfPrecisionFilesTest {

  @TempDir Path dir;
  NDManager base;

  @BeforeEach
  void setUp() {
    NnTesting.seed(8);
    base = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    base.close();
  }

  Parameters store() {
    Parameters p = new Parameters(base, DataType.FLOAT32);
    p.create("w", new Shape(5), new Init.Normal(1));
    p.createState("count", new Shape(), DataType.INT64, Init.ONES);
    return p;
  }

  /**
   * A safetensors file holding one tensor "w" of {@code dtype} with the given little-endian data.
   */
  Path handWritten(String dtype, int elements, byte[] data) throws IOException {
    String json =
        "{\"w\":{\"dtype\":\""
            + dtype
            + "\",\"shape\":["
            + elements
            + "],\"data_offsets\":[0,"
            + data.length
            + "]},\"count\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":["
            + data.length
            + ","
            + (data.length + 8)
            + "]}}";
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(8 + header.length + data.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length).put(header).put(data).putLong(7);
    Path file = dir.resolve(dtype + ".safetensors");
    Files.write(file, b.array());
    return file;
  }

  @Test
  void aHalfSaveStoresF16AndLoadsBackTheRoundedValues() throws IOException {
    Path half = dir.resolve("half.safetensors");
    Path full = dir.resolve("full.safetensors");
    try (Parameters saved = store();
        Parameters loaded = store()) {
      saved.get("w").set(new float[] {1f / 3, -2.5f, 65504f, 1e-7f, 0.1f});
      saved.save(half, n -> true, true);
      saved.save(full);
      String header = new String(Files.readAllBytes(half), StandardCharsets.UTF_8);
      assertTrue(header.contains("\"w\":{\"dtype\":\"F16\",\"shape\":[5]"), header);
      assertTrue(header.contains("\"count\":{\"dtype\":\"I64\""), "integers stay as they are");
      assertEquals(Files.size(full) - 10, Files.size(half), "two bytes saved per element");
      loaded.load(half);
      // IEEE half rounding: 1e-7 becomes the subnormal 2 x 2^-24.
      assertArrayEquals(
          new float[] {0.33325195f, -2.5f, 65504f, 1.1920929e-7f, 0.099975586f},
          loaded.get("w").toFloatArray());
      assertEquals(1L, loaded.get("count").getLong());
    }
  }

  @Test
  void aBf16FileLoadsIntoF32Parameters() throws IOException {
    // bfloat16 is the upper half of a float32: 1.0 = 0x3F80, -2.0 = 0xC000, 0.5 = 0x3F00,
    // 3.140625 = 0x4049, -0 = 0x8000.
    short[] bits = {0x3F80, (short) 0xC000, 0x3F00, 0x4049, (short) 0x8000};
    ByteBuffer data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : bits) {
      data.putShort(s);
    }
    try (Parameters p = store()) {
      p.load(handWritten("BF16", 5, data.array()));
      assertArrayEquals(new float[] {1f, -2f, 0.5f, 3.140625f, -0f}, p.get("w").toFloatArray());
      assertEquals(7L, p.get("count").getLong());
    }
  }

  @Test
  void otherDtypesAreStillRefusedByName() throws IOException {
    Path file = handWritten("I16", 5, new byte[10]);
    try (Parameters p = store()) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> p.load(file));
      assertTrue(
          e.getMessage().contains("dtype mismatch for \"w\": expected F32 got I16"),
          e.getMessage());
    }
  }
}
