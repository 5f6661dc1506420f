package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A {@link FrameSource} over FFmpeg's demuxers and decoders (MP4, MOV, WebM, GIF, JPEG, WebP),
 * using the libraries directly rather than javacv's grabber so that a read error, a damaged frame
 * and a file that ends early can each be told apart and reported instead of silently ending the
 * clip.
 */
final class FfmpegDecoder implements FrameSource {

  private final Path file;
  private final MediaInfo info;
  private final int expectedFrames;
  private final boolean stillImage;
  private final int streamIndex;
  private final double statedSeconds;
  private final double statedRate;
  private FfmpegInput input;
  private AVFormatContext fmt;
  private AVCodecContext dec;
  private AVPacket pkt;
  private AVFrame frame;
  private RgbConverter converter;
  private RgbFrame pending;
  private boolean draining;
  private boolean finished;
  private int framesRead;
  private int decoded;
  private int readError;

  private FfmpegDecoder(FfmpegInput input) {
    this.input = input;
    this.file = input.file;
    this.info = input.info;
    this.fmt = input.context();
    this.streamIndex = input.streamIndex;
    this.expectedFrames = info.frameCount();
    this.stillImage = input.format.stillImage();
    this.statedSeconds = input.statedSeconds;
    this.statedRate = input.statedRate;
  }

  /** Opens {@code file} for decoding; see {@link FfmpegInput#open} for the parameters. */
  static FfmpegDecoder open(
      Path file, MediaFormat format, double untimedFps, double knownFps, int knownFrames) {
    FfmpegInput input = FfmpegInput.open(file, format, untimedFps, knownFps, knownFrames);
    FfmpegDecoder decoder = new FfmpegDecoder(input);
    try {
      decoder.openCodec(input.stream().codecpar(), input.info.codec());
    } catch (RuntimeException e) {
      decoder.close();
      throw e;
    }
    // Errors logged while probing are FFmpeg's business; only later ones mean damage.
    FfmpegRuntime.clearLastError();
    return decoder;
  }

  private void openCodec(AVCodecParameters par, String codecName) {
    AVCodec codec = avcodec_find_decoder(par.codec_id());
    if (codec == null) {
      throw new MediaException(
          file, "its video is " + codecName + ", which this FFmpeg build cannot decode");
    }
    dec = avcodec_alloc_context3(codec);
    int ret = avcodec_parameters_to_context(dec, par);
    if (ret >= 0) {
      dec.pkt_timebase(input.stream().time_base());
      ret = avcodec_open2(dec, codec, (AVDictionary) null);
    }
    if (ret < 0) {
      throw new MediaException(
          file,
          "its "
              + codecName
              + " video could not be opened for decoding ("
              + FfmpegRuntime.describeWithLog(ret)
              + ")");
    }
    pkt = av_packet_alloc();
    frame = av_frame_alloc();
    converter = new RgbConverter(info.width(), info.height());
  }

  @Override
  public MediaInfo info() {
    return info;
  }

  @Override
  public int framesRead() {
    return framesRead;
  }

  @Override
  public boolean hasNext() {
    if (stillDone()) {
      return false;
    }
    if (pending == null && !finished) {
      pending = decodeNext();
    }
    return pending != null;
  }

  @Override
  public RgbFrame next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file + ": no more frames");
    }
    RgbFrame f = pending;
    pending = null;
    framesRead++;
    return f;
  }

  private boolean stillDone() {
    return stillImage && framesRead >= 1;
  }

  private RgbFrame decodeNext() {
    if (fmt == null) {
      throw new IllegalStateException(file + ": the frame source is closed");
    }
    while (true) {
      int ret = avcodec_receive_frame(dec, frame);
      if (ret >= 0) {
        RgbFrame f = converter.convert(frame);
        av_frame_unref(frame);
        decoded++;
        return f;
      }
      if (ret == AVERROR_EOF() || (ret == AVERROR_EAGAIN() && draining)) {
        finished = true;
        checkComplete();
        return null;
      }
      if (ret != AVERROR_EAGAIN()) {
        failedAt(ret);
        continue;
      }
      ret = av_read_frame(fmt, pkt);
      if (ret < 0) {
        if (ret != AVERROR_EOF()) {
          readError = ret;
        }
        // Flushing returns the frames a decoder holds back for reordering (B-frames, lookahead).
        avcodec_send_packet(dec, null);
        draining = true;
        continue;
      }
      int sent = pkt.stream_index() == streamIndex ? avcodec_send_packet(dec, pkt) : 0;
      av_packet_unref(pkt);
      if (sent < 0) {
        failedAt(sent);
      }
    }
  }

  /**
   * A decoding error. When the demuxer has reached the end of the file, the error is a packet cut
   * short by truncation: the frames still held by the decoder are returned and the truncation is
   * reported at the end. Anywhere else the data is damaged, and decoding stops at once.
   */
  private void failedAt(int ret) {
    if (draining || !input.atEndOfFile()) {
      finished = true; // frames after damage are not to be trusted; the source stays ended
      throw new MediaException(
          file,
          "the video is damaged: decoded "
              + MediaException.frames(decoded)
              + ", then the decoder failed ("
              + FfmpegRuntime.describeWithLog(ret)
              + ")");
    }
    readError = ret;
    avcodec_send_packet(dec, null);
    draining = true;
  }

  private void checkComplete() {
    if (readError != 0) {
      throw new MediaException(
          file,
          "the file ends early (truncated): decoded "
              + MediaException.frames(decoded)
              + ", then the data stops ("
              + FfmpegRuntime.describeWithLog(readError)
              + ")");
    }
    if (expectedFrames > 0 && decoded < expectedFrames) {
      throw new MediaException(
          file,
          "the file ends early (truncated): decoded "
              + MediaException.frames(decoded)
              + ", then the data stopped, though the file lists "
              + expectedFrames);
    }
    if (decoded == 0) {
      throw new MediaException(file, "contains a video stream but no frame could be decoded");
    }
    checkAgainstDuration();
  }

  /**
   * Containers without a frame count (WebM) still state their length. A demuxer that meets damaged
   * structure mid-file logs an error and reports a normal end, so a clip far shorter than its
   * stated length, or shorter at all after such an error, is reported rather than returned. The
   * margin for the error-free case is wide because a variable-rate file's average rate, and so its
   * expected frame count, is only an estimate.
   */
  private void checkAgainstDuration() {
    if (expectedFrames > 0 || stillImage || !(statedSeconds > 0)) {
      return;
    }
    double expected = statedSeconds * statedRate;
    String logged = FfmpegRuntime.lastError();
    boolean farShort = decoded < 0.5 * expected;
    boolean shortAfterError = logged != null && decoded < expected - 1;
    if (farShort || shortAfterError) {
      throw new MediaException(
          file,
          String.format(
              Locale.ROOT,
              "the file is damaged or cut short: decoded %s, but it says it lasts %.3f s"
                  + " (about %d frames at %s fps)%s",
              MediaException.frames(decoded),
              statedSeconds,
              Math.round(expected),
              MediaException.rate(statedRate),
              logged == null ? "" : "; FFmpeg says: " + logged));
    }
  }

  @Override
  public void close() {
    if (converter != null) {
      converter.close();
      converter = null;
    }
    if (frame != null) {
      av_frame_free(frame);
      frame = null;
    }
    if (pkt != null) {
      av_packet_free(pkt);
      pkt = null;
    }
    if (dec != null) {
      avcodec_free_context(dec);
      dec = null;
    }
    if (input != null) {
      input.close();
      input = null;
      fmt = null;
    }
    pending = null;
    finished = true;
  }
}
