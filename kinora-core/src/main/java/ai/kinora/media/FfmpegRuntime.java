package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's native libraries once, keeps FFmpeg's own logging off the terminal, and turns its
 * error codes and log lines into words Kinora can put in a {@link MediaException}.
 *
 * <p>FFmpeg prints warnings and errors to stderr from deep inside its demuxers and decoders. A
 * Kinora user should see one clear message, so the native log is captured instead: the last error
 * line logged on the calling thread is kept and can be quoted as a detail. Setting the system
 * property {@code kinora.ffmpeg.log=warning} (or {@code info}, {@code debug}) prints FFmpeg's log
 * to stderr again, for debugging.
 */
final class FfmpegRuntime {

  private static volatile boolean loaded;

  /** The last error line FFmpeg logged on each thread (demuxing runs on the caller's thread). */
  private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

  private static final Pattern CONTEXT_PREFIX =
      Pattern.compile("^(\\[[^\\]]* @ 0x[0-9a-fA-F]+\\]\\s*)+");

  private static int printLevel = AV_LOG_QUIET;

  /** Kept in a field so the native side never calls a collected callback. */
  private static LogCallback capture;

  private static LogCallback newCapture() {
    return new LogCallback() {
      @Override
      public void call(int level, BytePointer msg) {
        if (level > Math.max(AV_LOG_ERROR, printLevel)) {
          return;
        }
        String line = msg.getString(StandardCharsets.UTF_8).strip();
        if (level <= AV_LOG_ERROR && !line.isEmpty()) {
          // "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x7f8b741f2940] moov atom not found": keep the words.
          LAST_ERROR.set(CONTEXT_PREFIX.matcher(line).replaceFirst(""));
        }
        if (level <= printLevel) {
          System.err.println("[ffmpeg] " + line);
        }
      }
    }.retainReference();
  }

  private FfmpegRuntime() {}

  /** Loads the libraries and installs the log capture; cheap after the first call. */
  static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (FfmpegRuntime.class) {
      if (loaded) {
        return;
      }
      try {
        Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        throw new MediaException(
            null,
            "FFmpeg's native libraries could not be loaded on this platform ("
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.arch")
                + "): "
                + e.getMessage(),
            e);
      }
      printLevel = levelFromProperty(System.getProperty("kinora.ffmpeg.log", "quiet"));
      // Capture errors even when printing nothing: the callback sees what the level lets through.
      av_log_set_level(Math.max(AV_LOG_ERROR, printLevel));
      capture = newCapture();
      setLogCallback(capture);
      loaded = true;
    }
  }

  /** Forgets the last captured error of this thread, so a later one is known to be fresh. */
  static void clearLastError() {
    LAST_ERROR.remove();
  }

  /** The last error FFmpeg logged on this thread since {@link #clearLastError()}, or null. */
  static String lastError() {
    return LAST_ERROR.get();
  }

  /** FFmpeg's text for an error code, in lower case to sit inside a sentence. */
  static String describe(int errorCode) {
    byte[] buf = new byte[256];
    if (av_strerror(errorCode, buf, buf.length) < 0) {
      return "FFmpeg error " + errorCode;
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    String text = new String(buf, 0, len, StandardCharsets.UTF_8).strip();
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0))) {
      if (!Character.isUpperCase(text.charAt(1))) {
        text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
      }
    }
    return text;
  }

  /** {@link #describe} plus the last logged error line, when it adds something. */
  static String describeWithLog(int errorCode) {
    String text = describe(errorCode);
    String log = lastError();
    if (log != null && !log.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
      return text + "; FFmpeg says: " + log;
    }
    return text;
  }

  private static int levelFromProperty(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "quiet", "off", "none" -> AV_LOG_QUIET;
      case "error" -> AV_LOG_ERROR;
      case "warning", "warn" -> org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
      case "info" -> org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
      case "verbose" -> org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
      case "debug" -> org.bytedeco.ffmpeg.global.avutil.AV_LOG_DEBUG;
      default -> AV_LOG_QUIET;
    };
  }
}
