package ai.kinora.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks, from the container's own size fields and before any decoding, that an MP4/MOV, WebM or
 * WebP file is complete.
 *
 * <p>FFmpeg's demuxers treat a file that stops early as a normal end of file: javacv's grabber then
 * simply returns fewer frames, and even with the libraries used directly a cut WebM reads as a
 * shorter clip without any error. The containers declare their sizes up front, though (MP4 box
 * sizes, the Matroska segment size, the RIFF size), so a shortfall is certain and can be named.
 * Files whose start does not look like the container at all are left to FFmpeg to reject.
 */
final class ContainerCheck {

  /** Top-level box types a real MP4 or QuickTime file starts with. */
  private static final Set<String> FIRST_BOXES =
      Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid");

  private ContainerCheck() {}

  /** Throws a {@link MediaException} if {@code file} declares more bytes than it has. */
  static void check(Path file, MediaFormat format) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      switch (format) {
        case MP4, MOV -> checkBoxes(file, in);
        case WEBM -> checkMatroska(file, in);
        case WEBP -> checkRiff(file, in);
        default -> {}
      }
    } catch (IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Whether the file starts with a plausible MP4/QuickTime box. */
  static boolean startsLikeMp4(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() < 8) {
        return false;
      }
      byte[] h = new byte[8];
      in.readFully(h);
      return FIRST_BOXES.contains(new String(h, 4, 4, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkBoxes(Path file, RandomAccessFile in) throws IOException {
    if (!startsLikeMp4(file)) {
      return;
    }
    long length = in.length();
    long pos = 0;
    byte[] h = new byte[16];
    while (pos + 8 <= length) {
      in.seek(pos);
      in.readFully(h, 0, 8);
      long size = u32(h, 0);
      String type = new String(h, 4, 4, StandardCharsets.ISO_8859_1);
      if (size == 1) {
        if (pos + 16 > length) {
          throw truncated(file, length, pos + 16, type);
        }
        in.readFully(h, 8, 8);
        size = u32(h, 8) << 32 | u32(h, 12);
      } else if (size == 0) {
        return; // the last box runs to the end of the file, whatever its length
      }
      if (size < 8) {
        return; // not a box structure we can judge; FFmpeg will report what it finds
      }
      if (pos + size > length) {
        throw truncated(file, length, pos + size, type);
      }
      pos += size;
    }
  }

  private static void checkMatroska(Path file, RandomAccessFile in) throws IOException {
    byte[] h = new byte[64];
    int n = in.read(h);
    if (n < 4 || u32(h, 0) != 0x1A45DFA3L) {
      return;
    }
    int[] p = {4};
    long headerSize = vint(h, n, p, true);
    if (headerSize < 0) {
      return;
    }
    int segment = p[0] + (int) headerSize;
    if (segment + 5 > n || u32(h, segment) != 0x18538067L) {
      return;
    }
    p[0] = segment + 4;
    long size = vint(h, n, p, false);
    // An "unknown" size (all value bits set) is what live recorders write: nothing to compare.
    if (size >= 0 && p[0] + size > in.length()) {
      throw truncated(file, in.length(), p[0] + size, "Segment");
    }
  }

  private static void checkRiff(Path file, RandomAccessFile in) throws IOException {
    byte[] h = new byte[12];
    if (in.length() < 12) {
      return;
    }
    in.readFully(h);
    if (h[0] != 'R' || h[1] != 'I' || h[2] != 'F' || h[3] != 'F') {
      return;
    }
    long size = (h[4] & 0xFFL) | (h[5] & 0xFFL) << 8 | (h[6] & 0xFFL) << 16 | (h[7] & 0xFFL) << 24;
    if (8 + size > in.length()) {
      throw truncated(file, in.length(), 8 + size, "RIFF");
    }
  }

  /** An EBML variable-length integer at p[0]; -1 if malformed or (for sizes) "unknown". */
  private static long vint(byte[] b, int n, int[] p, boolean allowUnknown) {
    if (p[0] >= n) {
      return -1;
    }
    int first = b[p[0]] & 0xFF;
    int len = Integer.numberOfLeadingZeros(first) - 23;
    if (first == 0 || p[0] + len > n) {
      return -1;
    }
    long value = first & (0xFF >> len);
    boolean allOnes = value == (0xFF >> len);
    for (int i = 1; i < len; i++) {
      int v = b[p[0] + i] & 0xFF;
      allOnes &= v == 0xFF;
      value = value << 8 | v;
    }
    p[0] += len;
    return allOnes && !allowUnknown ? -1 : value;
  }

  private static MediaException truncated(Path file, long have, long need, String part) {
    return new MediaException(
        file,
        "the file ends early (truncated): it has "
            + have
            + " bytes, but its "
            + part
            + " data runs to byte "
            + need);
  }

  private static long u32(byte[] b, int i) {
    return (b[i] & 0xFFL) << 24
        | (b[i + 1] & 0xFFL) << 16
        | (b[i + 2] & 0xFFL) << 8
        | (b[i + 3] & 0xFFL);
  }
}
