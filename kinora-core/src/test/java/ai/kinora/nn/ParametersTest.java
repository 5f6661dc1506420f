package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading safetensors: bit-exact round trips and clear errors for bad files. */
class ParametersTest {

  @TempDir Path dir;
  NDManager base;

  @BeforeEach
  void setUp() {
    NnTesting.seed(2);
    base = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    base.close();
  }

  /** A small decoder-like store: one conv, one norm, one fp16 tensor and an int64 counter. */
  Parameters model(DataType type) {
    return model(new Parameters(base, type));
  }

  static Parameters model(Parameters p) {
    Namespace decoder = p.root().child("decoder");
    new CausalConv3d(decoder.child("conv_out"), CausalConv3d.Config.cube(4, 8, 3));
    new GroupNorm(decoder.child("norm"), 2, 4, 1e-6);
    p.createState("extra.half", new Shape(3), DataType.FLOAT16, new Init.Normal(1));
    p.createState("extra.count", new Shape(), DataType.INT64, Init.ONES);
    return p;
  }

  static String message(Exception e) {
    return e.getMessage();
  }

  @Test
  void saveThenLoadIsBitExact() throws IOException {
    Path file = dir.resolve("model.safetensors");
    try (Parameters saved = model(DataType.FLOAT32);
        Parameters loaded = model(DataType.FLOAT32)) {
      saved.get("decoder.norm.weight").set(new float[] {Float.MIN_VALUE, -0f, Float.NaN, 1e30f});
      saved.save(file);
      loaded.load(file);
      for (String name : saved.names()) {
        assertArrayEquals(
            saved.get(name).toByteArray(), loaded.get(name).toByteArray(), "bytes of " + name);
      }
      assertEquals(saved.names(), loaded.names());
    }
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theFileIsStandardSafetensors() throws IOException {
    Path file = dir.resolve("model.safetensors");
    try (Parameters p = model(DataType.FLOAT32)) {
      p.save(file);
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = bytes.getLong();
    assertEquals(0, headerLength % 8, "data starts 8-byte aligned");
    String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
    assertTrue(
        header.contains(
            "\"decoder.conv_out.weight\":{\"dtype\":\"F32\",\"shape\":[8,4,3,3,3],"
                + "\"data_offsets\":[0,3456]}"),
        header);
    assertTrue(header.contains("\"extra.half\":{\"dtype\":\"F16\""), header);
    assertTrue(header.contains("\"extra.count\":{\"dtype\":\"I64\",\"shape\":[]"), header);
  }

  @Test
  void djlsOwnSafetensorsReaderReadsTheFile() throws IOException {
    // An independent reader agrees on names, shapes and bytes.
    Path file = dir.resolve("model.safetensors");
    try (Parameters p = model(DataType.FLOAT32)) {
      p.save(file);
      NDList decoded = NDList.decode(base, Files.readAllBytes(file));
      assertEquals(p.names().size(), decoded.size());
      for (NDArray array : decoded) {
        NDArray mine = p.get(array.getName());
        assertEquals(mine.getShape(), array.getShape(), array.getName());
        assertArrayEquals(mine.toByteArray(), array.toByteArray(), array.getName());
      }
    }
  }

  @Test
  void aStoreForLoadingLoadsEveryTensorAndKeepsNoneMissing() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Path partial = dir.resolve("partial.safetensors");
    try (Parameters saved = model(DataType.FLOAT32)) {
      saved.save(file);
      saved.save(partial, name -> !name.equals("decoder.norm.bias"));
      try (Parameters loaded = model(Parameters.forLoading(base, DataType.FLOAT32))) {
        assertTrue(loaded.placeholders());
        loaded.load(file);
        for (String name : saved.names()) {
          assertArrayEquals(
              saved.get(name).toByteArray(), loaded.get(name).toByteArray(), "bytes of " + name);
        }
        assertEquals(saved.trainableNames(), loaded.trainableNames());
        assertTrue(loaded.get("decoder.conv_out.weight").hasGradient(), "still trainable");
      }
      try (Parameters loaded = model(Parameters.forLoading(base, DataType.FLOAT32))) {
        // A tensor with no value cannot be kept, whatever the caller allows.
        CheckpointException e =
            assertThrows(
                CheckpointException.class, () -> loaded.load(partial, n -> false, n -> true));
        assertTrue(message(e).contains("missing tensor \"decoder.norm.bias\""), message(e));
      }
    }
  }

  @Test
  void aMissingTensorIsNamed() throws IOException {
    Path file = dir.resolve("partial.safetensors");
    try (Parameters p = model(DataType.FLOAT32)) {
      p.save(file, name -> !name.equals("decoder.conv_out.weight"));
      CheckpointException e = assertThrows(CheckpointException.class, () -> p.load(file));
      assertTrue(message(e).contains("missing tensor \"decoder.conv_out.weight\""), message(e));
    }
  }

  @Test
  void aShapeMismatchNamesTheTensorAndBothShapes() throws IOException {
    Path file = dir.resolve("other.safetensors");
    try (Parameters other = new Parameters(base, DataType.FLOAT32)) {
      new CausalConv3d(
          other.root().child("decoder").child("conv_out"), CausalConv3d.Config.cube(4, 8, 1));
      other.save(file);
    }
    try (Parameters p = new Parameters(base, DataType.FLOAT32)) {
      NDArray w =
          new CausalConv3d(
                  p.root().child("decoder").child("conv_out"), CausalConv3d.Config.cube(4, 8, 3))
              .weight();
      byte[] before = w.toByteArray();
      CheckpointException e = assertThrows(CheckpointException.class, () -> p.load(file));
      assertTrue(
          message(e)
              .contains(
                  "shape mismatch for \"decoder.conv_out.weight\": expected (8, 4, 3, 3, 3) got (8, 4, 1, 1, 1)"),
          message(e));
      assertArrayEquals(before, w.toByteArray(), "a failed load changes nothing");
    }
  }

  @Test
  void aDtypeMismatchIsNamed() throws IOException {
    Path file = dir.resolve("fp64.safetensors");
    try (Parameters p64 = model(DataType.FLOAT64)) {
      p64.save(file);
    }
    try (Parameters p = model(DataType.FLOAT32)) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> p.load(file));
      assertTrue(
          message(e)
              .contains("dtype mismatch for \"decoder.conv_out.weight\": expected F32 got F64"),
          message(e));
    }
  }

  @Test
  void unexpectedTensorsAreErrorsUnlessIgnored() throws IOException {
    Path file = dir.resolve("training.safetensors");
    try (Parameters p = model(DataType.FLOAT32)) {
      new AdamW(p, AdamW.Config.defaults());
      p.save(file);
    }
    try (Parameters p = model(DataType.FLOAT32)) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> p.load(file));
      assertTrue(
          message(e).contains("unexpected tensor \"adam.m.decoder.conv_out.weight\""), message(e));
      assertTrue(message(e).contains("more"), "long lists are cut: " + message(e));
      p.load(file, name -> name.startsWith("adam."));
    }
  }

  @Test
  void truncatedAndCorruptFilesGiveClearErrors() throws IOException {
    Path good = dir.resolve("good.safetensors");
    try (Parameters p = model(DataType.FLOAT32)) {
      p.save(good);
      byte[] bytes = Files.readAllBytes(good);

      Path truncated = write("truncated", Arrays.copyOf(bytes, bytes.length - 4));
      String m1 = message(assertThrows(CheckpointException.class, () -> p.load(truncated)));
      assertTrue(m1.contains("truncated") && m1.contains("extra.count"), m1);

      Path headerOnly = write("header", Arrays.copyOf(bytes, 20));
      String m2 = message(assertThrows(CheckpointException.class, () -> p.load(headerOnly)));
      assertTrue(m2.contains("truncated or not a safetensors file"), m2);

      Path tiny = write("tiny", new byte[] {1, 2, 3});
      String m3 = message(assertThrows(CheckpointException.class, () -> p.load(tiny)));
      assertTrue(m3.contains("truncated or not a safetensors file (3 bytes"), m3);

      byte[] garbled = bytes.clone();
      garbled[8] = '#';
      Path notJson = write("garbled", garbled);
      String m4 = message(assertThrows(CheckpointException.class, () -> p.load(notJson)));
      assertTrue(m4.contains("corrupt safetensors header"), m4);

      byte[] huge = bytes.clone();
      ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE / 2);
      Path hugeHeader = write("huge", huge);
      String m5 = message(assertThrows(CheckpointException.class, () -> p.load(hugeHeader)));
      assertTrue(m5.contains("header length"), m5);

      Path longer = write("longer", Arrays.copyOf(bytes, bytes.length + 4));
      String m6 = message(assertThrows(CheckpointException.class, () -> p.load(longer)));
      assertTrue(m6.contains("4 bytes after the last tensor"), m6);

      String m7 =
          message(assertThrows(CheckpointException.class, () -> p.load(dir.resolve("nope"))));
      assertTrue(m7.contains("no such file"), m7);
    }
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name + ".safetensors");
    Files.write(file, bytes);
    return file;
  }

  @Test
  void reinitialisingFillsInPlaceWithoutLeavingArrays() {
    try (Parameters p = new Parameters(base, DataType.FLOAT32)) {
      ResBlock3d block = new ResBlock3d(p.root().child("block"), 2, 2, 1);
      NDArray weight = block.conv2().weight();
      int arrays = p.manager().getManagedArrays().size();
      Init.ZEROS.fill(weight);
      assertEquals(0, weight.abs().sum().getFloat());
      new Init.Constant(0.5).fill(weight);
      assertEquals(0.5f * weight.size(), weight.sum().getFloat(), 1e-3);
      assertEquals(arrays + 3, p.manager().getManagedArrays().size(), "only the 3 sums remain");
      assertEquals(weight, p.get("block.conv2.weight"), "the registered array itself changed");
    }
  }

  @Test
  void namesAreValidatedAndUnique() {
    try (Parameters p = new Parameters(base, DataType.FLOAT32)) {
      p.create("a.b", new Shape(1), Init.ZEROS);
      assertThrows(IllegalArgumentException.class, () -> p.create("a.b", new Shape(1), Init.ZEROS));
      assertThrows(
          IllegalArgumentException.class, () -> p.create("a..b", new Shape(1), Init.ZEROS));
      assertThrows(IllegalArgumentException.class, () -> p.create("a b", new Shape(1), Init.ZEROS));
      assertThrows(IllegalArgumentException.class, () -> p.get("missing"));
      assertThrows(IllegalArgumentException.class, () -> new Parameters(base, DataType.BFLOAT16));
      assertEquals(1, p.trainableCount());
    }
  }
}
