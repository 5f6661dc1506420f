package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input ends in one {@link MediaException} that names the file and says what is
 * wrong, within a time limit: no hang, no crash, no raw FFmpeg output.
 */
class BadFilesTest {

  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  /** Reads {@code file}, expecting a failure whose message names it and contains {@code words}. */
  private MediaException fails(Path file, String... words) {
    MediaException e =
        assertTimeoutPreemptively(
            LIMIT, () -> assertThrows(MediaException.class, () -> VideoReader.read(file)));
    String message = e.getMessage();
    System.out.println("  " + message);
    assertTrue(message.startsWith(file.toString()), "names the file: " + message);
    for (String w : words) {
      assertTrue(message.contains(w), "'" + w + "' in: " + message);
    }
    assertTrue(!message.contains(" @ 0x"), "no FFmpeg log prefixes: " + message);
    // probe runs the same checks and must fail the same way.
    assertTimeoutPreemptively(
        LIMIT, () -> assertThrows(MediaException.class, () -> VideoReader.probe(file)));
    return e;
  }

  @Test
  void emptyFile() throws Exception {
    Path file = Files.createFile(dir.resolve("clip.mp4"));
    fails(file, "the file is empty");
  }

  @Test
  void truncatedMp4() throws Exception {
    Path whole = dir.resolve("whole.mp4");
    VideoWriter.write(whole, TestClips.world(160, 96, 25, 8, TestClips.GRAY));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    fails(cut, "ends early (truncated)");
  }

  @Test
  void truncatedWebmAndGif() throws Exception {
    Video clip = TestClips.world(64, 64, 17, 8, TestClips.NAVY);
    for (String name : new String[] {"whole.webm", "whole.gif"}) {
      Path whole = dir.resolve(name);
      VideoWriter.write(whole, clip);
      byte[] bytes = Files.readAllBytes(whole);
      Path cut = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(bytes, bytes.length / 2));
      fails(cut, "ends early (truncated)");
    }
  }

  @Test
  void randomBytesNamedMp4() throws Exception {
    byte[] noise = new byte[50_000];
    new Random(42).nextBytes(noise);
    Path file = Files.write(dir.resolve("noise.mp4"), noise);
    fails(file, "not a video file FFmpeg can read");
  }

  @Test
  void textFiles() throws Exception {
    byte[] text = "Kinora: a red ball bounces.\n".repeat(40).getBytes(StandardCharsets.UTF_8);
    fails(Files.write(dir.resolve("notes.mp4"), text), "is a text file, not a video");
    fails(Files.write(dir.resolve("notes.png"), text), "is a text file, not an image");
    fails(Files.write(dir.resolve("zeros.png"), new byte[64]), "not a PNG file");
    fails(
        Files.write(dir.resolve("notes.txt"), text),
        "unsupported extension .txt; Kinora reads .mp4 .webm .mov .gif .png .jpg .jpeg .webp");
  }

  @Test
  void pngWithBadCrc() throws Exception {
    Path good = dir.resolve("good.png");
    VideoWriter.write(good, TestClips.world(32, 32, 1, 8, TestClips.GRAY));
    byte[] bytes = Files.readAllBytes(good);
    int idat = indexOf(bytes, "IDAT".getBytes(StandardCharsets.ISO_8859_1));
    bytes[idat + 10] ^= 0x55; // flip bits inside the compressed data; the chunk CRC no longer fits
    fails(Files.write(dir.resolve("bad.png"), bytes), "PNG CRC error in the IDAT chunk");
  }

  @Test
  void wavAudioNamedMp4() throws Exception {
    Path file = Files.write(dir.resolve("sound.mp4"), wav(8000, 4000));
    fails(file, "not a video file FFmpeg can read", "audio", "not MP4");
  }

  @Test
  void audioOnlyMp4() throws Exception {
    Path file = dir.resolve("voice.mp4");
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toString(), 0, 0, 1);
    r.setFormat("mp4");
    r.setSampleRate(8000);
    r.setAudioCodecName("aac");
    r.start();
    r.recordSamples(ShortBuffer.wrap(new short[8000]));
    r.stop();
    r.release();
    fails(file, "contains no video stream (only audio)");
  }

  @Test
  void missingFileDirectoryAndUnknownExtension() throws Exception {
    fails(dir.resolve("nowhere.mp4"), "there is no such file");
    fails(dir.resolve("missing/nowhere.gif"), "there is no such file", "is missing");
    fails(Files.createDirectory(dir.resolve("folder.mp4")), "is a directory");
    fails(Files.write(dir.resolve("clip.mkv"), new byte[100]), "unsupported extension .mkv");
    fails(Files.write(dir.resolve("noext"), new byte[100]), "has no extension");
    fails(dir.resolve("frames/f_%04d.png"), "no such folder");
    Files.createDirectory(dir.resolve("frames"));
    fails(dir.resolve("frames/f_%04d.png"), "no frames of this sequence exist");
  }

  @Test
  void damagedFilesFailOrKeepEveryFrame() throws Exception {
    Video clip = TestClips.world(160, 96, 25, 8, TestClips.GRAY);
    for (String name : new String[] {"whole.mp4", "whole.webm"}) {
      Path whole = dir.resolve(name);
      VideoWriter.write(whole, clip);
      byte[] bytes = Files.readAllBytes(whole);
      for (int seed = 0; seed < 6; seed++) {
        // Overwrite 64 bytes somewhere in the middle third: sizes stay, contents break.
        byte[] damaged = bytes.clone();
        Random random = new Random(seed);
        int start = bytes.length / 3 + random.nextInt(bytes.length / 3);
        for (int i = 0; i < 64; i++) {
          damaged[start + i] = (byte) random.nextInt();
        }
        Path file = Files.write(dir.resolve("damaged-" + seed + "-" + name), damaged);
        try {
          Video back = assertTimeoutPreemptively(LIMIT, () -> VideoReader.read(file));
          // Some damage only garbles pictures; then no frame may be lost or invented.
          assertEquals(25, back.frameCount(), file.toString());
        } catch (MediaException e) {
          assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
          assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
      }
    }
  }

  @Test
  void messagesAreOneCleanLine() throws Exception {
    Path file = Files.write(dir.resolve("noise.webm"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    MediaException e = fails(file, "not a video file FFmpeg can read");
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  /** A mono 16-bit PCM WAV file of {@code samples} samples of a square wave. */
  static byte[] wav(int rate, int samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    b.putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) ((i / 20) % 2 == 0 ? 8000 : -8000));
    }
    return b.array();
  }

  static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (data[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
