package ai.kinora.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temporary files beside their final names, renamed into place only when everything was written: a
 * reader (a browser, the next pipeline stage) never sees half a video, and a failed write leaves
 * whatever was at the final path untouched.
 *
 * <p>Each temporary file sits in its target's own directory so the rename is a same-filesystem
 * atomic move. The names are hidden ({@code .clip.mp4.3f9a1c.part}) and random, and the files are
 * created by whoever writes them with the usual permissions rather than a temp file's owner-only
 * ones, which would survive the rename.
 */
final class StagedOutput {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path owner;
  private final Map<Path, Path> stagedToTarget = new LinkedHashMap<>();

  /** {@code owner} is the path the user asked for, named in error messages. */
  StagedOutput(Path owner) {
    this.owner = owner;
  }

  /** A fresh temporary path for {@code target}, creating the target's directories if needed. */
  Path stage(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new MediaException(owner, "its folder " + dir + " cannot be created (" + e + ")", e);
    }
    if (Files.isDirectory(absolute)) {
      throw new MediaException(target, "is a directory; give a file name to write");
    }
    Path temp;
    do {
      String tag = Long.toHexString(RANDOM.nextLong() & 0xFFFFFFFFFFFFL);
      temp = dir.resolve("." + absolute.getFileName() + "." + tag + ".part");
    } while (Files.exists(temp) || stagedToTarget.containsKey(temp));
    stagedToTarget.put(temp, absolute);
    return temp;
  }

  /** A scratch file in {@code target}'s directory, deleted by {@link #discard()} and commit. */
  Path scratch(Path target) {
    Path temp = stage(target);
    stagedToTarget.put(temp, null);
    return temp;
  }

  /** Renames every staged file onto its target, replacing what was there. */
  void commit() {
    for (Map.Entry<Path, Path> e : stagedToTarget.entrySet()) {
      if (e.getValue() == null) {
        deleteQuietly(e.getKey());
        continue;
      }
      try {
        try {
          Files.move(
              e.getKey(),
              e.getValue(),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException ex) {
        discard();
        throw new MediaException(
            e.getValue(), "could not be moved into place from " + e.getKey() + " (" + ex + ")", ex);
      }
    }
    stagedToTarget.clear();
  }

  /** Deletes every staged file that still exists; never throws. */
  void discard() {
    for (Path temp : stagedToTarget.keySet()) {
      deleteQuietly(temp);
    }
    stagedToTarget.clear();
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: the write already failed, and its error is what the caller needs to see.
    }
  }
}
