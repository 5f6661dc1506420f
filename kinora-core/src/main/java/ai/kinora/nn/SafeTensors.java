package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The safetensors file format (8-byte little-endian header length, JSON header, raw little-endian
 * tensor bytes), read with every offset checked against the file size before any tensor is created,
 * and written atomically (temporary file, fsync, rename).
 *
 * <p>Kinora reads and writes the format itself rather than through {@code NDList.decode} so that a
 * truncated or corrupt file is a {@link CheckpointException} naming the tensor, never an
 * out-of-memory error or a native crash, and so that loading can validate every name, shape and
 * dtype before it changes a single parameter.
 */
final class SafeTensors {

  /** One tensor's header entry; {@code begin} and {@code end} are offsets into the data section. */
  record Entry(String name, String dtype, Shape shape, long begin, long end) {}

  /** A validated header: entries in file order, and where the data section starts. */
  record Header(SequencedMap<String, Entry> entries, long dataStart) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER_BYTES = 100L << 20;

  private SafeTensors() {}

  /** The safetensors name of a DJL dtype; BF16 is never created through DJL, so it has none. */
  static String dtypeName(DataType type) {
    return switch (type) {
      case FLOAT64 -> "F64";
      case FLOAT32 -> "F32";
      case FLOAT16 -> "F16";
      case INT64 -> "I64";
      case INT32 -> "I32";
      case INT8 -> "I8";
      case UINT8 -> "U8";
      case BOOLEAN -> "BOOL";
      default -> throw new IllegalArgumentException("no safetensors dtype for " + type);
    };
  }

  /** Bytes per element of a safetensors dtype, or 0 if Kinora does not know the dtype. */
  static int dtypeBytes(String dtype) {
    return switch (dtype) {
      case "F64", "I64", "U64" -> 8;
      case "F32", "I32", "U32" -> 4;
      case "F16", "BF16", "I16", "U16" -> 2;
      case "I8", "U8", "BOOL" -> 1;
      default -> 0;
    };
  }

  /** Reads and validates the header of an open file; no tensor data is read. */
  static Header readHeader(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw new CheckpointException(
          file + ": truncated or not a safetensors file (" + size + " bytes, header needs 8)");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, lengthBytes, 0, file);
    long headerLength = lengthBytes.flip().getLong();
    if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
      throw new CheckpointException(
          file
              + ": truncated or not a safetensors file (header length "
              + headerLength
              + ", file size "
              + size
              + ")");
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(channel, headerBytes, 8, file);
    JsonNode root;
    try {
      root = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new CheckpointException(file + ": corrupt safetensors header (not JSON)", e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointException(file + ": corrupt safetensors header (not a JSON object)");
    }
    long dataStart = 8 + headerLength;
    long dataSize = size - dataStart;
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!field.getKey().equals("__metadata__")) {
        entries.add(parseEntry(field.getKey(), field.getValue(), file));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long expectedBegin = 0;
    for (Entry e : entries) {
      if (e.begin() != expectedBegin) {
        throw new CheckpointException(
            file
                + ": corrupt safetensors header: tensor \""
                + e.name()
                + "\" starts at byte "
                + e.begin()
                + " of the data, expected "
                + expectedBegin);
      }
      if (e.end() > dataSize) {
        throw new CheckpointException(
            file
                + ": truncated: tensor \""
                + e.name()
                + "\" ends at byte "
                + e.end()
                + " of the data but the file holds only "
                + dataSize
                + " data bytes");
      }
      expectedBegin = e.end();
    }
    if (expectedBegin != dataSize) {
      throw new CheckpointException(
          file + ": corrupt: " + (dataSize - expectedBegin) + " bytes after the last tensor");
    }
    SequencedMap<String, Entry> byName = new LinkedHashMap<>();
    entries.forEach(e -> byName.put(e.name(), e));
    return new Header(byName, dataStart);
  }

  private static Entry parseEntry(String name, JsonNode node, Path file)
      throws CheckpointException {
    String where = file + ": tensor \"" + name + "\": ";
    JsonNode dtype = node.get("dtype");
    JsonNode shape = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray()) {
      throw new CheckpointException(where + "corrupt header entry (needs dtype and shape)");
    }
    if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
      throw new CheckpointException(where + "corrupt header entry (needs two data_offsets)");
    }
    int bytes = dtypeBytes(dtype.asText());
    if (bytes == 0) {
      throw new CheckpointException(where + "unknown dtype " + dtype.asText());
    }
    long[] dims = new long[shape.size()];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      JsonNode d = shape.get(i);
      if (!d.canConvertToLong() || d.asLong() < 0) {
        throw new CheckpointException(where + "corrupt shape " + shape);
      }
      dims[i] = d.asLong();
      count = Math.multiplyExact(count, dims[i]);
    }
    long begin = offsets.get(0).asLong(-1);
    long end = offsets.get(1).asLong(-1);
    if (begin < 0 || end < begin || end - begin != count * bytes) {
      throw new CheckpointException(
          where
              + "corrupt data_offsets "
              + offsets
              + " for shape "
              + new Shape(dims)
              + " of "
              + dtype.asText());
    }
    return new Entry(name, dtype.asText(), new Shape(dims), begin, end);
  }

  /** Reads one tensor's bytes into a direct little-endian buffer, ready for {@code set}. */
  static ByteBuffer readData(FileChannel channel, Header header, Entry entry, Path file)
      throws IOException {
    long length = entry.end() - entry.begin();
    if (length > Integer.MAX_VALUE) {
      throw new CheckpointException(
          file + ": tensor \"" + entry.name() + "\" is larger than 2 GiB, not supported");
    }
    ByteBuffer data = ByteBuffer.allocateDirect((int) length).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, data, header.dataStart() + entry.begin(), file);
    return data.flip();
  }

  /**
   * Reads one tensor into the parameter {@code target}, in place: its bytes as they are when the
   * dtypes match, or widened exactly to F32 from F16 or BF16 (half-precision files, such as shipped
   * model folders or users' pretrained weights). F16 is widened by the engine, several times faster
   * than a Java loop (a model's load time is part of every generation); BF16, which DJL cannot
   * create, by the loop.
   */
  static void readInto(FileChannel channel, Header header, Entry entry, NDArray target, Path file)
      throws IOException {
    ByteBuffer data = readData(channel, header, entry, file);
    DataType type = target.getDataType();
    boolean same = entry.dtype().equals(dtypeName(type));
    if (!same && !widens(entry.dtype(), type)) {
      throw new CheckpointException(
          file + ": tensor \"" + entry.name() + "\" is " + entry.dtype() + ", not " + type);
    }
    try (NDManager scratch = target.getManager().newSubManager()) {
      Shape shape = target.getShape();
      NDArray values;
      if (same) {
        values = scratch.create(data, shape, type);
      } else if (entry.dtype().equals("F16")) {
        values = scratch.create(data, shape, DataType.FLOAT16); // widened by the copy
      } else {
        values = scratch.create(widenBf16(data), shape, DataType.FLOAT32);
      }
      InPlace.copy(values, target);
    }
  }

  /** BF16 bytes to F32 bytes: the 16 bits are the top half of the float. */
  private static ByteBuffer widenBf16(ByteBuffer data) {
    int n = data.remaining() / 2;
    ByteBuffer out = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      out.putFloat(Float.intBitsToFloat((data.getShort() & 0xFFFF) << 16));
    }
    return out.flip();
  }

  /** Whether a file's {@code dtype} can be loaded into a parameter of {@code target} type. */
  static boolean widens(String dtype, DataType target) {
    return target == DataType.FLOAT32 && (dtype.equals("F16") || dtype.equals("BF16"));
  }

  /**
   * Writes the tensors in map order to {@code file} atomically: a crash leaves the old file. With
   * {@code half}, F32 tensors are stored as F16 (rounded to nearest), half the bytes.
   */
  static void write(Path file, SequencedMap<String, NDArray> tensors, boolean half)
      throws IOException {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IOException("safetensors writing needs a little-endian machine");
    }
    ObjectNode header = JSON.createObjectNode();
    List<ByteBuffer> data = new ArrayList<>();
    long offset = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      NDArray array = e.getValue();
      boolean narrow = half && array.getDataType() == DataType.FLOAT32;
      ByteBuffer bytes = narrow ? toF16(array.toFloatArray()) : array.toByteBuffer();
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", narrow ? "F16" : dtypeName(array.getDataType()));
      ArrayNode shape = entry.putArray("shape");
      for (long d : array.getShape().getShape()) {
        shape.add(d);
      }
      entry.putArray("data_offsets").add(offset).add(offset + bytes.remaining());
      offset += bytes.remaining();
      data.add(bytes);
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8; // the format recommends 8-byte aligned data
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    head.flip();

    List<ByteBuffer> parts = new ArrayList<>();
    parts.add(head);
    parts.addAll(data);
    AtomicFiles.write(file, parts);
  }

  private static ByteBuffer toF16(float[] values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      out.putShort(Float.floatToFloat16(v));
    }
    return out.flip();
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position, Path file)
      throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int n = channel.read(into, at);
      if (n < 0) {
        throw new CheckpointException(file + ": truncated at byte " + at);
      }
      at += n;
    }
  }
}
