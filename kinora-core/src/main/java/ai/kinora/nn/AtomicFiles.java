package ai.kinora.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Files written the way checkpoints are (temporary file in the same folder, fsync, rename), so a
 * crash leaves either the old file or the new one, never half of one: safetensors weights, the JSON
 * beside them, vocabularies and dataset manifests.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code file} atomically, creating missing folders. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
  }

  /** Writes each line and a newline, as UTF-8, to {@code file} atomically. */
  public static void writeLines(Path file, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    writeString(file, text.toString());
  }

  /**
   * Writes the remaining bytes of {@code parts}, in order, to {@code file} atomically, creating
   * missing folders; the file is readable by all (rw-r--r--), as an ordinary file would be.
   */
  public static void write(Path file, List<ByteBuffer> parts) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        for (ByteBuffer part : parts) {
          while (part.hasRemaining()) {
            out.write(part);
          }
        }
        out.force(true);
      }
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // createTempFile makes the file private (rw-------).
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes {@code dir} and everything in it; nothing happens if it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
