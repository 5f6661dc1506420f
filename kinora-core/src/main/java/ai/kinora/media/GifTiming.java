package ai.kinora.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The frame delays of a GIF file, and its first comment, read by walking its block structure
 * without decoding any picture, so the frame count and rate are known before FFmpeg decodes the
 * first frame.
 *
 * <p>GIF stores a delay per frame in hundredths of a second, so most rates cannot be stored
 * exactly: 8 fps becomes delays of 13, 12, 13, 12... centiseconds. Kinora's GIF writer rounds the
 * cumulative time rather than each delay, so the total stays within half a centisecond of the
 * intended length, and {@link #fps(double)} recognises such a clip and returns the whole-number
 * rate it was written at. Any other GIF reports its average rate, frames divided by total delay.
 */
record GifTiming(int width, int height, int[] delays, String comment) {

  /** Browsers and FFmpeg show delays under 2 centiseconds as 10; so does Kinora's rate. */
  static final int MIN_DELAY = 2;

  static final int DEFAULT_DELAY = 10;

  int frameCount() {
    return delays.length;
  }

  /** The clip's frame rate, or {@code untimedFps} for a one-frame GIF (a still has no rate). */
  double fps(double untimedFps) {
    int n = delays.length;
    if (n <= 1) {
      return untimedFps;
    }
    long total = 0;
    for (int d : delays) {
      total += d < MIN_DELAY ? DEFAULT_DELAY : d;
    }
    double fps = n * 100.0 / total;
    long whole = Math.round(fps);
    // Within half a centisecond of n frames at a whole rate: that is the rate it was made at.
    if (whole >= 1 && Math.abs(total - n * 100.0 / whole) <= 0.5 + 1e-9) {
      return whole;
    }
    return fps;
  }

  /** The delays, in centiseconds, that show frame i from round(i * 100 / fps) onwards. */
  static int[] delaysFor(int frames, double fps) {
    int[] delays = new int[frames];
    long previous = 0;
    for (int i = 0; i < frames; i++) {
      long next = Math.round((i + 1) * 100.0 / fps);
      delays[i] = (int) (next - previous);
      previous = next;
    }
    return delays;
  }

  /** Reads the structure of {@code file}; names the file in every error. */
  static GifTiming read(Path file) {
    byte[] b;
    try {
      b = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
    if (b.length < 13 || b[0] != 'G' || b[1] != 'I' || b[2] != 'F') {
      throw new MediaException(file, "not a GIF file (it does not start with GIF87a or GIF89a)");
    }
    int width = u16(b, 6);
    int height = u16(b, 8);
    int p = 13 + colourTableSize(b[10]);
    int[] delays = new int[16];
    int frames = 0;
    int pendingDelay = 0;
    String comment = null; // the first comment extension's text
    while (true) {
      if (p >= b.length) {
        // A missing trailer after a complete frame is common and harmless; browsers accept it.
        if (frames == 0) {
          throw truncated(file, frames);
        }
        break;
      }
      int block = b[p++] & 0xFF;
      if (block == 0x3B) {
        break;
      } else if (block == 0x21) {
        if (p >= b.length) {
          throw truncated(file, frames);
        }
        int label = b[p++] & 0xFF;
        if (label == 0xF9 && p + 4 < b.length && (b[p] & 0xFF) >= 4) {
          pendingDelay = u16(b, p + 2);
        }
        int end = skipSubBlocks(file, b, p, frames);
        if (label == 0xFE && comment == null) {
          comment = subBlockText(b, p);
        }
        p = end;
      } else if (block == 0x2C) {
        if (p + 9 > b.length) {
          throw truncated(file, frames);
        }
        p += 9 + colourTableSize(b[p + 8]);
        p += 1; // LZW minimum code size
        p = skipSubBlocks(file, b, p, frames);
        if (frames == delays.length) {
          delays = Arrays.copyOf(delays, frames * 2);
        }
        delays[frames++] = pendingDelay;
        pendingDelay = 0;
      } else {
        throw new MediaException(
            file,
            "damaged GIF: unexpected byte 0x"
                + Integer.toHexString(block)
                + " at offset "
                + (p - 1)
                + " after "
                + MediaException.frames(frames));
      }
    }
    if (width == 0 || height == 0) {
      throw new MediaException(file, "damaged GIF: its screen size is " + width + "x" + height);
    }
    return new GifTiming(width, height, Arrays.copyOf(delays, frames), comment);
  }

  /** The bytes of the sub-blocks from {@code p} (already checked whole), as Latin-1 text. */
  private static String subBlockText(byte[] b, int p) {
    StringBuilder text = new StringBuilder();
    for (int len = b[p] & 0xFF; len != 0; p += 1 + len, len = b[p] & 0xFF) {
      text.append(new String(b, p + 1, len, StandardCharsets.ISO_8859_1));
    }
    return text.toString();
  }

  private static int skipSubBlocks(Path file, byte[] b, int p, int frames) {
    while (true) {
      if (p >= b.length) {
        throw truncated(file, frames);
      }
      int len = b[p++] & 0xFF;
      if (len == 0) {
        return p;
      }
      p += len;
    }
  }

  private static MediaException truncated(Path file, int frames) {
    return new MediaException(
        file,
        "the file ends early (truncated): "
            + MediaException.frames(frames)
            + " complete, then the data stops inside frame "
            + (frames + 1));
  }

  private static int colourTableSize(byte packed) {
    return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 7) + 1));
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }
}
