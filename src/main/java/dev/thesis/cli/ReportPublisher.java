package dev.thesis.cli;

import dev.thesis.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each set of reports the child finishes (a watch run makes one per change): the child
 * writes them into a numbered folder and renames it into place when complete; this thread moves
 * them into the output folder with {@link ReportWriter}, in order, printing report.pdf first when
 * asked for (Chromium is started from here, never from the child that runs the rules).
 */
final class ReportPublisher {
  private final Console console;
  private final Path staged;
  private final ReportOptions reports;
  private final CountDownLatch finished = new CountDownLatch(1);
  private int next = 1;
  int failure = ExitCodes.OK;

  /** {@code reports}: where and what to publish, or null to discard what the child staged. */
  ReportPublisher(Console console, Path staged, ReportOptions reports) {
    this.console = console;
    this.staged = staged;
    this.reports = reports;
  }

  Thread start() {
    Thread t =
        new Thread(
            () -> {
              try {
                while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                  sweep();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "thesis-publisher");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** After the child ended: the last sets, here (not interrupting a publish in progress). */
  void stop(Thread t) throws InterruptedException {
    finished.countDown();
    t.join();
    sweep();
  }

  private synchronized void sweep() {
    while (true) {
      Path set = staged.resolve(String.valueOf(next));
      if (!Files.isDirectory(set, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      next++;
      if (reports == null) {
        ChildLaunch.deleteTree(set);
        continue;
      }
      int code = publish(set);
      if (code != ExitCodes.OK) {
        failure = code;
      }
      ChildLaunch.deleteTree(set);
    }
  }

  private int publish(Path set) {
    Map<String, String> files = new LinkedHashMap<>();
    try {
      // In the order a run in one JVM writes and names them.
      for (String name : ReportOptions.NAMES) {
        Path f = set.resolve(name);
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          files.put(name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      console.err().println("thesis: cannot read the run's reports: " + e.getMessage());
      console.err().flush();
      return ExitCodes.INTERNAL;
    }
    if (files.isEmpty()) {
      return ExitCodes.OK;
    }
    return reports.publish(console, files);
  }
}
