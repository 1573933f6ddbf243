package dev.thesis.daemon;

import dev.thesis.env.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starting a daemon process, and the body of one. */
public final class Daemon {
  /**
   * How long a daemon waits for another run before it leaves, unless THESIS_DAEMON_IDLE_MINUTES
   * says.
   */
  static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

  /**
   * After a daemon failed to start, clients run commands themselves for this long before trying
   * again.
   */
  static final Duration FAILED_BACKOFF = Duration.ofMinutes(10);

  private Daemon() {}

  /**
   * Starts a daemon for this process's identity, detached from the terminal (its own session, so
   * Ctrl-C in the terminal does not reach it), its output appended to its log file.
   */
  public static Process spawn(Rendezvous rendezvous, Identity identity, String mainClass)
      throws IOException {
    Environment environment = Environment.current();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only, as for a single small run: measured on the seed corpus, a C1 daemon is as fast as a
    // C2 one from its fourth run on, and its first runs are faster (C2 compiles compete for the two
    // cores). A heap that shrinks back after a big run.
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"));
    List<String> options = environment.javaOpts();
    // As in the launcher: a collector named in THESIS_JAVA_OPTS replaces the default.
    if (options.stream().noneMatch(o -> o.contains("GC"))) {
      command.add("-XX:+UseSerialGC");
    }
    // The properties that are part of the identity, so the daemon's identity is the client's.
    for (Environment.Input input : Environment.Input.shaping()) {
      if (input.kind() == Environment.Kind.PROPERTY) {
        environment.value(input).ifPresent(value -> command.add("-D" + input.key() + "=" + value));
      }
    }
    // Logging is set up when first used, from THESIS_LOG (see Logging).
    command.add("-D" + Logging.CONFIG_CLASS + "=" + Logging.class.getName());
    environment.jsa().ifPresent(jsa -> command.add("-XX:SharedArchiveFile=" + jsa));
    command.addAll(options);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(rendezvous.log(identity).toFile()))
        .start();
  }

  /** Whether a daemon for this identity failed to start lately (see {@link #FAILED_BACKOFF}). */
  public static boolean failedLately(Rendezvous rendezvous, Identity identity) {
    try {
      FileTime at = Files.getLastModifiedTime(rendezvous.failed(identity));
      return at.toInstant().isAfter(Instant.now().minus(FAILED_BACKOFF));
    } catch (IOException absent) {
      return false;
    }
  }

  /** Records that a daemon for this identity did not start, so clients stop trying for a while. */
  public static void markFailed(Rendezvous rendezvous, Identity identity) {
    try {
      Path marker = rendezvous.failed(identity);
      Files.deleteIfExists(marker);
      Files.createFile(marker);
    } catch (IOException e) {
      // Then the next client tries again: slower, never wrong.
    }
  }

  /**
   * The daemon's life: takes the identity's lock (another daemon holding it means this one is not
   * needed), binds the socket and serves until it leaves.
   *
   * @return false when another daemon already holds the lock
   */
  public static boolean serve(
      Rendezvous rendezvous, Identity identity, Server.Runner runner, Runnable exit)
      throws IOException {
    try (FileChannel lockFile =
            FileChannel.open(
                rendezvous.lock(identity), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        return false;
      }
      // The pid, for whoever looks; the write also renews the file's time, which keeps `prune`
      // (it removes only day-old locks) off it. Never read back through another channel: closing
      // any channel on this file would release the lock.
      lockFile.truncate(0);
      lockFile.write(
          java.nio.ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid())
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
          0);
      Files.deleteIfExists(rendezvous.failed(identity));
      Server server =
          Server.bind(
              identity,
              Identity::current,
              rendezvous.socket(identity),
              runner,
              Server.Timing.of(idle()),
              exit);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "thesis-daemon-cleanup"));
      server.serve();
      return true;
    }
  }

  /** The idle time after which a daemon leaves, in words ("30 min"). */
  public static String idleDescription() {
    long seconds = idle().toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  static Duration idle() {
    return Environment.current().daemonIdle().orElse(DEFAULT_IDLE);
  }
}
