package dev.thesis.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: a JVM that stays up between runs, so the second and later runs in a folder skip the
 * JVM's start, class loading and warm-up. It runs one command line at a time, in arrival order; a
 * run that would wait longer than {@link Timing#queueWait()} is refused (its client runs it
 * itself), and status and stop requests are answered at once. It goes away when idle for too long,
 * when its build or environment changes, when asked to stop, and when a client hangs up mid-run (a
 * run nobody waits for may be a runaway rule; a fresh daemon is cheaper than a stuck one).
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  /** The answer to a status or stop request meant for another folder's daemon. */
  public static final String ANOTHER_FOLDER = "this daemon serves another folder";

  /** Runs one command line, printing through the given writers; returns the exit code. */
  public interface Runner {
    int run(Request request, PrintWriter out, PrintWriter err);
  }

  /**
   * How long a daemon stays without a run before it leaves; how often it checks that and its
   * identity; how long a run may wait for its turn before it is refused.
   */
  public record Timing(Duration idle, Duration checkEvery, Duration queueWait) {
    public static Timing of(Duration idle) {
      return new Timing(idle, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }
  }

  private final Identity identity;
  private final Supplier<Identity> currentIdentity;
  private final ServerSocketChannel socket;
  private final Path socketPath;
  private final Runner runner;
  private final Timing timing;
  private final Runnable exit;
  private final long startedMillis = System.currentTimeMillis();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ReentrantLock running = new ReentrantLock(true);

  /** Counted down once a client's stop has been answered (see {@link #serve()}). */
  private final java.util.concurrent.CountDownLatch stopAnswered =
      new java.util.concurrent.CountDownLatch(1);

  private final AtomicBoolean stopAsked = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private volatile long lastActive = System.nanoTime();

  private Server(
      Identity identity,
      Supplier<Identity> currentIdentity,
      ServerSocketChannel socket,
      Path socketPath,
      Runner runner,
      Timing timing,
      Runnable exit) {
    this.identity = identity;
    this.currentIdentity = currentIdentity;
    this.socket = socket;
    this.socketPath = socketPath;
    this.runner = runner;
    this.timing = timing;
    this.exit = exit;
  }

  /**
   * Binds the socket (replacing a stale socket file, which the caller's lock makes safe). Now and
   * then it asks {@code currentIdentity}; once that differs (the jar was rebuilt, the folder
   * replaced) or it has been idle too long, the daemon leaves. {@code exit} ends the process.
   */
  public static Server bind(
      Identity identity,
      Supplier<Identity> currentIdentity,
      Path socketPath,
      Runner runner,
      Timing timing,
      Runnable exit)
      throws IOException {
    Files.deleteIfExists(socketPath);
    ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    socket.bind(UnixDomainSocketAddress.of(socketPath));
    return new Server(identity, currentIdentity, socket, socketPath, runner, timing, exit);
  }

  /** Serves until stopped; returns then (the exit action has been called if it stopped itself). */
  public void serve() {
    Thread reaper = new Thread(this::reap, "thesis-daemon-reaper");
    reaper.setDaemon(true);
    reaper.start();
    while (!stopped.get()) {
      SocketChannel channel;
      try {
        channel = socket.accept();
      } catch (IOException closed) {
        break;
      }
      connections.incrementAndGet();
      Thread handler =
          new Thread(
              () -> {
                try (channel) {
                  handle(channel);
                } catch (IOException gone) {
                  // The client went away between frames; the run (if any) is over either way.
                } finally {
                  connections.decrementAndGet();
                }
              },
              "thesis-daemon-connection");
      handler.setDaemon(true);
      handler.start();
    }
    // The caller exits the process once this returns: first let the run in progress finish, and a
    // client that asked to stop have its answer.
    running.lock();
    try {
      if (stopAsked.get()) {
        stopAnswered.await(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.unlock();
    }
  }

  /** Stops accepting and removes the socket file; a run in progress finishes. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      try {
        // The file first: once the socket is closed, the lock may pass to a new daemon, whose
        // socket file this must not remove.
        Files.deleteIfExists(socketPath);
        socket.close();
      } catch (IOException e) {
        // Nothing left to do: the next client finds no daemon and starts one.
      }
    }
  }

  private void leave() {
    stop();
    exit.run();
  }

  private void reap() {
    while (!stopped.get()) {
      try {
        Thread.sleep(timing.checkEvery().toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (connections.get() > 0) {
        continue;
      }
      if (System.nanoTime() - lastActive > timing.idle().toNanos()) {
        LOG.info("leaving: no run for {}", timing.idle());
        leave();
        return;
      }
      Identity now = currentIdentity.get();
      if (!now.equals(identity)) {
        LOG.info("leaving: its identity changed ({})", identity.differences(now));
        leave();
        return;
      }
    }
  }

  private void handle(SocketChannel channel) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
    FrameWriter frames = new FrameWriter(ChannelStreams.out(channel));
    Request request;
    try {
      request = Frames.readRequest(in);
    } catch (IOException bad) {
      frames.text(Frames.REFUSED, "bad request: " + bad.getMessage());
      return;
    }
    if (request.kind() != Request.Kind.RUN && !request.means(identity.folder())) {
      frames.text(Frames.REFUSED, ANOTHER_FOLDER);
      return;
    }
    switch (request.kind()) {
      case STATUS -> {
        frames.text(Frames.OUT, status());
        frames.exit(0);
      }
      case STOP -> {
        LOG.info("leaving: asked to stop");
        // No new runs, and the socket file gone before the answer: whoever reads the answer finds
        // no daemon here. The run in progress finishes first (serve() waits for it and for this
        // answer before it returns).
        stopAsked.set(true);
        stop();
        try {
          frames.exit(0);
        } finally {
          stopAnswered.countDown();
        }
        // After the run in progress; released again, since serve() waits for the same turn.
        running.lock();
        try {
          exit.run();
        } finally {
          running.unlock();
        }
      }
      case RUN -> {
        Identity client = new Identity(request.identity());
        if (!client.equals(identity)) {
          LOG.info("refused a run: another identity ({})", identity.differences(client));
          frames.text(Frames.REFUSED, "this daemon serves another folder, build or environment");
          return;
        }
        Watch watch = new Watch(in);
        boolean turn;
        try {
          turn = running.tryLock(timing.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException gone) {
          // Its client hung up while it waited (see Watch): nobody to answer.
          return;
        }
        if (!turn) {
          watch.done();
          frames.text(Frames.REFUSED, "busy with another run");
          return;
        }
        try {
          if (watch.start()) {
            run(request, watch, frames);
          }
        } finally {
          // Only runs count as activity: polling the status must not keep a daemon up.
          lastActive = System.nanoTime();
          running.unlock();
        }
      }
    }
  }

  /**
   * Watches a run's client for hanging up: the client sends nothing after its request, so a read
   * returns only then. A client gone while its run waited for its turn leaves the queue at once
   * (its handler is interrupted), and is skipped should its turn have come meanwhile; one gone
   * during its run makes the daemon leave. Made on the handler's thread.
   */
  private final class Watch {
    private final Thread handler = Thread.currentThread();
    private boolean started;
    private boolean finished;
    private boolean gone;

    Watch(DataInputStream in) {
      Thread watcher =
          new Thread(
              () -> {
                try {
                  in.read();
                } catch (IOException closed) {
                  // Closed by us after the run, or reset by the client: the same either way.
                }
                hungUp();
              },
              "thesis-daemon-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }

    private void hungUp() {
      boolean midRun;
      synchronized (this) {
        gone = true;
        midRun = started && !finished;
        if (!started && !finished) {
          handler.interrupt();
        }
      }
      if (midRun) {
        LOG.info("leaving: the client hung up during its run");
        leave();
      }
    }

    /** Whether the run may start: false when its client has gone already. */
    synchronized boolean start() {
      started = !gone;
      return started;
    }

    synchronized void done() {
      finished = true;
    }
  }

  private void run(Request request, Watch watch, FrameWriter frames) throws IOException {
    served.incrementAndGet();
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(frames.stream(Frames.OUT), StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(frames.stream(Frames.ERR), StandardCharsets.UTF_8), true);
    int code;
    Error fatal = null;
    try {
      code = runner.run(request, out, err);
    } catch (RuntimeException e) {
      err.println("thesis: internal error in the daemon: " + e);
      code = 1;
    } catch (Error e) {
      // Out of memory or worse: answer this run, then let a fresh daemon take the next.
      err.println("thesis: internal error in the daemon: " + e);
      code = 1;
      fatal = e;
    }
    out.flush();
    err.flush();
    watch.done();
    frames.exit(code);
    if (fatal != null) {
      LOG.warn("leaving after an error in a run", fatal);
      leave();
    }
  }

  /** How many runs wait for their turn (an estimate, as the lock gives it). */
  int queued() {
    return running.getQueueLength();
  }

  private String status() {
    long now = System.currentTimeMillis();
    boolean busy = running.isLocked();
    long idleSeconds = busy ? 0 : (System.nanoTime() - lastActive) / 1_000_000_000L;
    return String.format(
        Locale.ROOT,
        "pid %d, folder %s, up %s, %d run(s) served, %s%n",
        ProcessHandle.current().pid(),
        identity.folder(),
        human((now - startedMillis) / 1000),
        served.get(),
        busy ? "running one now" : "idle " + human(idleSeconds));
  }

  private static String human(long seconds) {
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
