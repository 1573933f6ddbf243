package dev.thesis.cli;

import dev.thesis.diag.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on standard error, for a terminal only. A bar appears once a task has run for half
 * a second, so the usual run of a second or less prints nothing extra.
 */
final class TerminalProgress implements Progress {
  private static final long SHOW_AFTER_NANOS = 500_000_000L;

  private final PrintWriter err;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /** Bars when standard error is a terminal (the launcher says so) and not under CI. */
  static Progress forEnvironment(PrintWriter err, dev.thesis.env.Environment environment) {
    return environment.stderrTty() && !environment.ci() ? new TerminalProgress(err) : Progress.NONE;
  }

  @Override
  public Task start(String name, long total) {
    return new Bar(name, total);
  }

  private final class Bar implements Task {
    private final String name;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private ProgressBar bar;

    Bar(String name, long total) {
      this.name = name;
      this.total = total;
    }

    @Override
    public synchronized void stepBy(long steps) {
      done += steps;
      if (bar == null && System.nanoTime() - started > SHOW_AFTER_NANOS) {
        bar =
            new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new LineConsumer())
                .showSpeed()
                .startsFrom(done, java.time.Duration.ofNanos(System.nanoTime() - started))
                .build();
      } else if (bar != null) {
        bar.stepBy(steps);
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** Redraws one line with a carriage return; ends it when the task closes. */
  private final class LineConsumer implements ProgressBarConsumer {
    @Override
    public int getMaxRenderedLength() {
      return 100;
    }

    @Override
    public void accept(String rendered) {
      err.print('\r');
      err.print(rendered);
      err.flush();
    }

    @Override
    public void close() {
      err.println();
      err.flush();
    }
  }
}
