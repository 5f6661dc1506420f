package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files Kinora reads but did not write: MOV from javacv's recorder, JPEG from ImageIO, WebP and GIF
 * from the ffmpeg program, plus GIF timing at rates that centiseconds cannot hold exactly.
 */
class ForeignFormatsTest {

  @TempDir Path dir;

  @Test
  void readsH264Mov() throws Exception {
    Video clip = TestClips.world(128, 96, 20, 12, TestClips.NAVY);
    Path file = dir.resolve("camera.mov");
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toString(), 128, 96, 0);
    r.setFormat("mov");
    r.setVideoCodecName("libx264");
    r.setPixelFormat(AV_PIX_FMT_YUV420P);
    r.setFrameRate(12);
    r.setVideoOption("crf", "16");
    r.start();
    for (RgbFrame f : clip.frames()) {
      ByteBuffer buf = ByteBuffer.allocateDirect(f.rgb().length).put(f.rgb()).flip();
      r.recordImage(128, 96, Frame.DEPTH_UBYTE, 3, 128 * 3, AV_PIX_FMT_RGB24, buf);
    }
    r.stop();
    r.release();

    Video back = VideoReader.read(file);
    assertEquals(20, back.frameCount());
    assertEquals(12.0, back.fps(), 1e-3);
    assertEquals(128, back.width());
    double mae = TestClips.meanError(clip, back);
    assertTrue(mae <= 3.0, "MOV MAE " + mae);
    MediaInfo info = VideoReader.probe(file);
    assertEquals("mov", info.container());
    assertEquals("h264", info.codec());
    assertEquals(20, info.frameCount());
  }

  @Test
  void readsFullRangeJpeg() throws Exception {
    RgbFrame frame = TestClips.frame(96, 64, 3, TestClips.GRAY);
    Path file = dir.resolve("photo.jpg");
    assertTrue(ImageIO.write(frame.toImage(), "jpg", file.toFile()));
    Video back = VideoReader.read(file);
    assertEquals(1, back.frameCount());
    assertEquals(VideoReader.UNTIMED_FPS, back.fps());
    double mae = frame.meanAbsoluteError(back.frames().get(0));
    // JPEG itself loses detail at colour edges; compare with the JDK's own decoder to isolate the
    // part that is ours (YUV range and matrix, chroma upsampling).
    RgbFrame jdk = RgbFrame.fromImage(ImageIO.read(file.toFile()));
    double vsJdk = jdk.meanAbsoluteError(back.frames().get(0));
    System.out.printf("JPEG (ImageIO quality 0.75): MAE %.3f vs source, %.3f vs JDK%n", mae, vsJdk);
    assertTrue(mae <= 6.0, "JPEG MAE " + mae);
    assertTrue(vsJdk <= 1.5, "JPEG decoders disagree by " + vsJdk);
    // JPEG's YUV is full range: read as limited range, a light grey 240 would come out as 255.
    Path light = dir.resolve("light.jpg");
    assertTrue(ImageIO.write(RgbFrame.filled(16, 16, 0xF0F0F0).toImage(), "jpg", light.toFile()));
    int level = VideoReader.read(light).frames().get(0).rgbAt(8, 8) & 0xFF;
    assertTrue(Math.abs(level - 0xF0) <= 2, "light grey read as " + level);
    assertEquals(new MediaInfo(96, 64, 8.0, 1, "mjpeg", "jpeg"), VideoReader.probe(file));
  }

  @Test
  void readsLosslessWebpExactly() throws Exception {
    RgbFrame frame = TestClips.frame(64, 48, 5, TestClips.NAVY);
    Path png = dir.resolve("src.png");
    VideoWriter.write(png, new Video(java.util.List.of(frame), 8));
    Path webp = dir.resolve("still.webp");
    TestClips.ffmpeg(
        "-v", "error", "-i", png.toString(), "-c:v", "libwebp", "-lossless", "1", webp.toString());
    Video back = VideoReader.read(webp, 5);
    assertEquals(1, back.frameCount());
    assertEquals(5.0, back.fps());
    assertTrue(frame.samePixels(back.frames().get(0)));
    assertEquals("webp", VideoReader.probe(webp).codec());
  }

  @Test
  void readsGreyPngsAtTheirStoredLevels() throws Exception {
    // Java decodes grey PNGs into a linear colour space; read naively, 128 would become 188.
    BufferedImage grey8 = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    grey8.getRaster().setSample(3, 3, 0, 128);
    BufferedImage grey16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    grey16.getRaster().setSample(3, 3, 0, 0x8080);
    int n = 0;
    for (BufferedImage image : new BufferedImage[] {grey8, grey16}) {
      Path file = dir.resolve("grey" + n++ + ".png");
      assertTrue(ImageIO.write(image, "png", file.toFile()));
      RgbFrame back = VideoReader.read(file).frames().get(0);
      assertEquals(0x808080, back.rgbAt(3, 3), file.toString());
      assertEquals(0x000000, back.rgbAt(0, 0), file.toString());
    }
  }

  @Test
  void readsGifMadeByFfmpeg() throws Exception {
    Path gif = dir.resolve("ffmpeg.gif");
    // FFmpeg's encoder stores only the changed rectangle of each frame, with transparency:
    // reading it back must composite full frames.
    TestClips.ffmpeg(
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=64x48:rate=10:duration=1.5",
        gif.toString());
    Video back = VideoReader.read(gif);
    assertEquals(15, back.frameCount());
    assertEquals(10.0, back.fps(), 1e-9);
    assertEquals(64, back.width());
    assertEquals(48, back.height());
    assertEquals(15, VideoReader.probe(gif).frameCount());
  }

  @Test
  void gifTimingSurvivesRatesCentisecondsCannotHold() {
    for (double fps : new double[] {8, 12.5, 24, 30}) {
      Path file = dir.resolve("rate-" + fps + ".gif");
      Video clip = TestClips.world(32, 32, 19, fps, TestClips.GRAY);
      VideoWriter.write(file, clip);
      Video back = VideoReader.read(file);
      assertEquals(19, back.frameCount(), "frames at " + fps);
      assertEquals(fps, back.fps(), 1e-9, "rate at " + fps);
    }
  }

  @Test
  void oneFrameGifIsAStill() {
    Path file = dir.resolve("still.gif");
    VideoWriter.write(file, TestClips.world(40, 24, 1, 30, TestClips.NAVY));
    Video back = VideoReader.read(file);
    assertEquals(1, back.frameCount());
    assertEquals(VideoReader.UNTIMED_FPS, back.fps());
  }
}
