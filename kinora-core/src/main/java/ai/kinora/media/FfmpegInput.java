package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An opened FFmpeg demuxer on one file and what it says about the file's video stream: size, rate,
 * frame count, codec, container, stated length. Opening fails with a {@link MediaException} that
 * says why in words: not a media file, audio only, a different format than the name claims.
 */
final class FfmpegInput implements AutoCloseable {

  /** Bounds on how much FFmpeg reads to identify a file, so a strange file cannot stall a read. */
  static final String PROBE_BYTES = "5000000";

  static final String ANALYZE_MICROSECONDS = "5000000";

  final Path file;
  final MediaFormat format;
  final int streamIndex;
  final MediaInfo info;

  /** The length the container states, in seconds, or NaN; and the average rate it states. */
  final double statedSeconds;

  final double statedRate;

  private AVFormatContext fmt;

  private FfmpegInput(
      Path file, MediaFormat format, AVFormatContext fmt, int index, MediaInfo info) {
    this.file = file;
    this.format = format;
    this.fmt = fmt;
    this.streamIndex = index;
    this.info = info;
    AVStream st = fmt.streams(index);
    this.statedSeconds = statedSeconds(fmt, st);
    AVRational avg = st.avg_frame_rate();
    this.statedRate = avg.num() > 0 && avg.den() > 0 ? av_q2d(avg) : info.fps();
  }

  /**
   * Opens {@code file} (already checked to exist and be non-empty).
   *
   * @param untimedFps rate for stills, which carry no timing
   * @param knownFps the rate when the caller measured it (GIF), or NaN to ask FFmpeg
   * @param knownFrames the frame count when the caller counted it (GIF), or -1
   */
  static FfmpegInput open(
      Path file, MediaFormat format, double untimedFps, double knownFps, int knownFrames) {
    ContainerCheck.check(file, format);
    FfmpegRuntime.ensureLoaded();
    FfmpegRuntime.clearLastError();
    AVFormatContext fmt = new AVFormatContext(null);
    AVDictionary opts = new AVDictionary(null);
    av_dict_set(opts, "probesize", PROBE_BYTES, 0);
    av_dict_set(opts, "analyzeduration", ANALYZE_MICROSECONDS, 0);
    // Local files only: a playlist or reference file must not make FFmpeg open other URLs.
    av_dict_set(opts, "protocol_whitelist", "file", 0);
    // A '%' in a still's name is part of the name, not an image-sequence pattern.
    av_dict_set(opts, "pattern_type", "none", 0);
    int ret = avformat_open_input(fmt, "file:" + file.toAbsolutePath(), null, opts);
    av_dict_free(opts);
    if (ret < 0) {
      throw openFailure(file, format, ret);
    }
    try {
      ret = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
      if (ret < 0) {
        throw new MediaException(
            file,
            "not a video file FFmpeg can read (its streams could not be identified: "
                + FfmpegRuntime.describeWithLog(ret)
                + ")");
      }
      int index = findVideoStream(file, format, fmt);
      AVStream st = fmt.streams(index);
      AVCodecParameters par = st.codecpar();
      String codec = avcodec_get_name(par.codec_id()).getString();
      if (par.width() <= 0 || par.height() <= 0) {
        throw new MediaException(
            file,
            "not "
                + (format.stillImage() ? "an image" : "a video")
                + " FFmpeg can read (it found no picture size in the "
                + codec
                + " data)");
      }
      double fps = knownFps;
      if (format.stillImage()) {
        fps = untimedFps;
      } else if (Double.isNaN(fps)) {
        fps = streamRate(fmt, st, untimedFps);
      }
      // A still is one picture even if the file holds more (an animated WebP, joined JPEGs):
      // without timing, further pictures could not be placed in time.
      int frames = format.stillImage() ? 1 : knownFrames;
      if (frames < 0 && st.nb_frames() > 0 && st.nb_frames() < Integer.MAX_VALUE) {
        frames = (int) st.nb_frames();
      }
      String container = containerName(fmt.iformat().name().getString(), format);
      MediaInfo info = new MediaInfo(par.width(), par.height(), fps, frames, codec, container);
      return new FfmpegInput(file, format, fmt, index, info);
    } catch (RuntimeException e) {
      avformat_close_input(fmt);
      throw e;
    }
  }

  /** The demuxer; null once closed. */
  AVFormatContext context() {
    return fmt;
  }

  AVStream stream() {
    return fmt.streams(streamIndex);
  }

  /** Whether the demuxer has read to the end of the file. */
  boolean atEndOfFile() {
    return fmt.pb() != null && fmt.pb().eof_reached() != 0;
  }

  @Override
  public void close() {
    if (fmt != null) {
      avformat_close_input(fmt);
      fmt = null;
    }
  }

  private static MediaException openFailure(Path file, MediaFormat format, int ret) {
    String log = FfmpegRuntime.lastError();
    if (log != null && log.contains("moov atom not found") && ContainerCheck.startsLikeMp4(file)) {
      return new MediaException(
          file,
          "the file is incomplete (truncated, or still being written): its "
              + format.name()
              + " index is missing (FFmpeg: moov atom not found)");
    }
    if (ret == AVERROR_INVALIDDATA()) {
      return new MediaException(
          file, "not a video file FFmpeg can read (" + FfmpegRuntime.describeWithLog(ret) + ")");
    }
    return new MediaException(
        file, "FFmpeg could not open it (" + FfmpegRuntime.describeWithLog(ret) + ")");
  }

  /** The first real video stream; cover art in audio files is a "video" stream FFmpeg flags. */
  private static int findVideoStream(Path file, MediaFormat format, AVFormatContext fmt) {
    boolean audio = false;
    for (int i = 0; i < fmt.nb_streams(); i++) {
      AVStream st = fmt.streams(i);
      int type = st.codecpar().codec_type();
      if (type == AVMEDIA_TYPE_VIDEO && (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
        return i;
      }
      audio |= type == AVMEDIA_TYPE_AUDIO;
    }
    String detected = fmt.iformat().name().getString();
    String longName =
        fmt.iformat().long_name() == null ? detected : fmt.iformat().long_name().getString();
    if (!containerMatches(detected, format)) {
      throw new MediaException(
          file,
          "not a video file FFmpeg can read (its contents look like "
              + longName
              + (audio ? " audio" : "")
              + ", not "
              + format.name()
              + ")");
    }
    throw new MediaException(file, "contains no video stream" + (audio ? " (only audio)" : ""));
  }

  private static boolean containerMatches(String ffmpegName, MediaFormat format) {
    return switch (format) {
      case MP4, MOV -> ffmpegName.contains("mp4");
      case WEBM -> ffmpegName.contains("webm");
      case GIF -> ffmpegName.startsWith("gif");
      case JPEG -> ffmpegName.contains("jpeg") || ffmpegName.equals("image2");
      case WEBP -> ffmpegName.contains("webp") || ffmpegName.equals("image2");
      case PNG -> ffmpegName.contains("png") || ffmpegName.equals("image2");
    };
  }

  /** "mov,mp4,m4a,3gp,3g2,mj2" read from clip.mp4 is "mp4"; "jpeg_pipe" is "jpeg". */
  static String containerName(String ffmpegName, MediaFormat format) {
    String ext = format.extension();
    for (String part : ffmpegName.split(",")) {
      if (part.equals(ext)) {
        return part;
      }
    }
    if (ffmpegName.endsWith("_pipe")) {
      return ffmpegName.substring(0, ffmpegName.length() - "_pipe".length());
    }
    if (ffmpegName.equals("image2")) {
      return format.name().toLowerCase(Locale.ROOT);
    }
    return ffmpegName.split(",")[0];
  }

  private static double statedSeconds(AVFormatContext fmt, AVStream st) {
    if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
      return st.duration() * av_q2d(st.time_base());
    }
    if (fmt.duration() != AV_NOPTS_VALUE && fmt.duration() > 0) {
      return fmt.duration() / (double) AV_TIME_BASE;
    }
    return Double.NaN;
  }

  /** FFmpeg's best estimate of the frame rate: the container's nominal or average rate. */
  private static double streamRate(AVFormatContext fmt, AVStream st, double fallback) {
    AVRational r = av_guess_frame_rate(fmt, st, null);
    if (r.num() > 0 && r.den() > 0) {
      return av_q2d(r);
    }
    AVRational avg = st.avg_frame_rate();
    if (avg.num() > 0 && avg.den() > 0) {
      return av_q2d(avg);
    }
    return fallback;
  }
}
