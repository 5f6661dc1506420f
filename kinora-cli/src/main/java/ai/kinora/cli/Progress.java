package ai.kinora.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a progress bar when standard error is a terminal (the launcher sets {@code
 * kinora.terminal}), plain lines at most every few seconds otherwise, so logs stay readable.
 * Thread-safe.
 */
final class Progress implements AutoCloseable {

  private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

  private final String task;
  private final long total;
  private final String unit;
  private final ProgressBar bar;
  private final PrintStream plain;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastPrintNanos = startNanos;
  private String extra = "";

  private Progress(String task, long total, String unit, boolean terminal, PrintStream err) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    if (terminal) {
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total)
              .setUnit(" " + unit, 1)
              .showSpeed()
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .setUpdateIntervalMillis(250)
              .build();
      this.plain = null;
    } else {
      this.bar = null;
      this.plain = err;
    }
  }

  /** Starts reporting {@code total} units of work named {@code task}. */
  static Progress start(String task, long total, String unit) {
    return new Progress(task, total, unit, Boolean.getBoolean("kinora.terminal"), System.err);
  }

  /** Reports one more unit done. */
  synchronized void step() {
    stepBy(1);
  }

  synchronized void stepBy(long n) {
    done += n;
    if (bar != null) {
      bar.stepBy(n);
      return;
    }
    long now = System.nanoTime();
    if (done >= total || now - lastPrintNanos >= PLAIN_INTERVAL_NANOS) {
      lastPrintNanos = now;
      plain.println(line(now));
    }
  }

  /** A short status shown after the counts, e.g. "loss 0.123". */
  synchronized void extra(String text) {
    extra = text;
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  private String line(long now) {
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 && done < total ? ", ETA " + format((total - done) / rate) : "";
    return String.format(
        "%s: %d/%d %s (%d%%), %.1f %s/s%s%s",
        task,
        done,
        total,
        unit,
        total == 0 ? 100 : done * 100 / total,
        rate,
        unit,
        eta,
        extra.isEmpty() ? "" : ", " + extra);
  }

  private static String format(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
