package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: whole content, ordinary permissions, no temporary file left either way. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesPartsInOrderIntoNewFoldersReadableByAll() throws IOException {
    Path file = dir.resolve("a/b/weights.bin");
    ByteBuffer second = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    second.position(1); // only the remaining bytes are written
    AtomicFiles.write(file, List.of(ByteBuffer.wrap(new byte[] {1, 2}), second));
    assertEquals(List.of((byte) 1, (byte) 2, (byte) 8, (byte) 7, (byte) 6), bytes(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(file.getFileName()), names(file.getParent()));
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path file = dir.resolve("tokenizer.txt");
    AtomicFiles.writeLines(file, List.of("a much longer first version", "of two lines"));
    AtomicFiles.writeLines(file, List.of("<pad>", "rot"));
    assertEquals("<pad>\nrot\n", Files.readString(file, StandardCharsets.UTF_8));
    AtomicFiles.writeString(file, "é");
    assertEquals("é", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(file.getFileName()), names(dir));
  }

  @Test
  void aFailedRenameLeavesWhatWasThereAndNoTemporaryFile() throws IOException {
    Path occupied = dir.resolve("config.json");
    Files.createDirectories(occupied.resolve("inside"));
    assertThrows(IOException.class, () -> AtomicFiles.writeString(occupied, "{}"));
    assertTrue(Files.isDirectory(occupied.resolve("inside")));
    assertEquals(List.of(occupied.getFileName()), names(dir));
  }

  private static List<Byte> bytes(Path file) throws IOException {
    byte[] read = Files.readAllBytes(file);
    Byte[] boxed = new Byte[read.length];
    for (int i = 0; i < read.length; i++) {
      boxed[i] = read[i];
    }
    return List.of(boxed);
  }

  private static List<Path> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(Path::getFileName).sorted().toList();
    }
  }
}
