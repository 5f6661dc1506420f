package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INP;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes RGB frames to H.264 in MP4 or VP9 in WebM with FFmpeg (through javacv's recorder), one
 * frame at a time, into a staged file that {@link VideoWriter} renames into place.
 *
 * <p>Both use yuv420p, the only 4:2:0 layout every browser decodes, tagged with the BT.601
 * limited-range matrix that swscale's RGB-to-YUV conversion uses, so players convert back with the
 * same coefficients. MP4 uses the High profile (javacv would otherwise pick constrained baseline,
 * which costs quality for no compatibility gain today) and {@code +faststart}, which moves the
 * index before the data so a browser can start playing before the whole file has arrived.
 */
final class FfmpegEncoder implements VideoWriter.FrameSink {

  private final Path target;
  private final Path temp;
  private final MediaFormat format;
  private final int width;
  private final int height;
  private final ByteBuffer staging;
  private FFmpegFrameRecorder recorder;

  FfmpegEncoder(
      Path target,
      Path temp,
      MediaFormat format,
      int w,
      int h,
      double fps,
      EncodeOptions o,
      String comment) {
    this.target = target;
    this.temp = temp;
    this.format = format;
    this.width = w;
    this.height = h;
    this.staging = ByteBuffer.allocateDirect(w * h * 3);
    FfmpegRuntime.ensureLoaded();
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(temp.toString(), w, h, 0);
    r.setFrameRate(fps);
    r.setPixelFormat(AV_PIX_FMT_YUV420P);
    // Constant-quality modes: a bit rate would turn them into average-bit-rate encoding.
    r.setVideoBitrate(0);
    r.setImageScalingFlags(SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP | SWS_BITEXACT);
    r.setVideoOption("colorspace", "smpte170m");
    r.setVideoOption("color_range", "tv");
    if (format == MediaFormat.MP4) {
      r.setFormat("mp4");
      r.setVideoCodecName("libx264");
      r.setVideoProfile(AV_PROFILE_H264_HIGH);
      r.setVideoOption("crf", Integer.toString(o.crf()));
      r.setVideoOption("preset", o.preset());
      r.setOption("movflags", "+faststart");
    } else if (format == MediaFormat.WEBM) {
      r.setFormat("webm");
      r.setVideoCodecName("libvpx-vp9");
      r.setVideoOption("crf", Integer.toString(o.vp9Crf()));
      r.setVideoOption("deadline", "good");
      r.setVideoOption("cpu-used", Integer.toString(o.vp9Speed()));
      r.setVideoOption("row-mt", "1");
    } else {
      throw new IllegalArgumentException("FFmpeg encoder writes MP4 and WebM, not " + format);
    }
    if (comment != null) {
      r.setMetadata("comment", comment); // MP4: the ©cmt atom; WebM: a COMMENT tag
    }
    try {
      r.start();
    } catch (FFmpegFrameRecorder.Exception | RuntimeException e) {
      release(r);
      throw new MediaException(
          target, "the " + codecName() + " encoder could not start (" + e.getMessage() + ")", e);
    }
    this.recorder = r;
  }

  private String codecName() {
    return format == MediaFormat.MP4 ? "H.264" : "VP9";
  }

  @Override
  public void write(RgbFrame frame) throws Exception {
    staging.clear();
    staging.put(frame.rgb());
    staging.flip();
    recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 3, width * 3, AV_PIX_FMT_RGB24, staging);
  }

  @Override
  public void finish() throws Exception {
    FFmpegFrameRecorder r = recorder;
    recorder = null;
    try {
      // Flushes the frames the encoder holds for lookahead and B-frames, then writes the index.
      r.stop();
    } finally {
      release(r);
    }
    verifyComplete();
  }

  /**
   * javacv ignores the result of writing the trailer, so a failure there (a full disk while
   * faststart rewrites the file) would pass silently; check the MP4 got its index.
   */
  private void verifyComplete() throws IOException {
    if (!Files.exists(temp) || Files.size(temp) == 0) {
      throw new IOException("the encoder produced no data");
    }
    if (format == MediaFormat.MP4 && !hasTopLevelBox(temp, "moov")) {
      throw new IOException("the encoder did not finish the file (it has no moov index)");
    }
  }

  /** Whether the MP4 file has a top-level box of {@code type}, reading box headers only. */
  static boolean hasTopLevelBox(Path file, String type) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long pos = 0;
      long length = in.length();
      byte[] header = new byte[16];
      while (pos + 8 <= length) {
        in.seek(pos);
        in.readFully(header, 0, 8);
        long size =
            ((header[0] & 0xFFL) << 24)
                | ((header[1] & 0xFF) << 16)
                | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        String name = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        if (name.toLowerCase(Locale.ROOT).equals(type)) {
          return true;
        }
        if (size == 1) {
          in.readFully(header, 8, 8);
          size = ByteBuffer.wrap(header, 8, 8).getLong();
        } else if (size == 0) {
          size = length - pos;
        }
        if (size < 8) {
          return false;
        }
        pos += size;
      }
      return false;
    }
  }

  @Override
  public void discard() {
    FFmpegFrameRecorder r = recorder;
    recorder = null;
    if (r != null) {
      release(r);
    }
  }

  private static void release(FFmpegFrameRecorder r) {
    try {
      r.release();
    } catch (FFmpegFrameRecorder.Exception | RuntimeException ignored) {
      // Releasing after a failure: the original error is the one worth reporting.
    }
  }
}
