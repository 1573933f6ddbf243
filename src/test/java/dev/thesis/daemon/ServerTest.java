package dev.thesis.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTest {
  private static final Identity ME = new Identity("thesis-daemon 1\ncwd=/some/folder\n");

  @TempDir Path dir;
  private Server server;
  private Thread serving;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final AtomicReference<Identity> current = new AtomicReference<>(ME);

  private Path start(Server.Runner runner, Duration idle) throws IOException {
    return start(runner, new Server.Timing(idle, Duration.ofMillis(50), Duration.ofSeconds(10)));
  }

  private Path start(Server.Runner runner, Server.Timing timing) throws IOException {
    Path socket = dir.resolve("d.sock");
    server = Server.bind(ME, current::get, socket, runner, timing, exited::countDown);
    serving = new Thread(server::serve);
    serving.start();
    return socket;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop();
      serving.join(5_000);
    }
  }

  private record Answer(Client.Outcome outcome, String out, String err) {}

  private static Answer send(Path socket, Request request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Client.Outcome outcome = Client.send(socket, request, out, err);
    return new Answer(
        outcome, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRunIsRelayedWithItsArgumentsOutputAndExitCode() throws Exception {
    AtomicReference<Long> startup = new AtomicReference<>();
    Path socket =
        start(
            (request, out, err) -> {
              startup.set(request.startupNanos());
              out.println("args " + request.args());
              err.println("a warning, in ünïcode");
              out.print("x".repeat(3 << 20)); // several frames' worth
              return 4;
            },
            Duration.ofMinutes(1));
    Answer a =
        send(
            socket,
            Request.run(ME, List.of("evaluate", "--out", "a b"), 123_456, Request.Terminal.NONE));
    assertThat(a.outcome()).isEqualTo(new Client.Exited(4));
    String first = "args [evaluate, --out, a b]\n";
    // Lengths, not the strings: a failure must not print three megabytes.
    assertThat(a.out().substring(0, first.length())).isEqualTo(first);
    assertThat(a.out().length()).isEqualTo(first.length() + (3 << 20));
    assertThat(a.out().chars().skip(first.length()).allMatch(c -> c == 'x')).isTrue();
    assertThat(a.err()).isEqualTo("a warning, in ünïcode\n");
    assertThat(startup.get()).isEqualTo(123_456L);
    // The daemon stays for the next run.
    assertThat(send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE)).outcome())
        .isEqualTo(new Client.Exited(4));
    assertThat(exited.getCount()).isOne();
  }

  @Test
  void aRunFromAnotherFolderBuildOrEnvironmentIsRefusedUnrun() throws Exception {
    AtomicReference<Boolean> ran = new AtomicReference<>(false);
    Path socket =
        start(
            (request, out, err) -> {
              ran.set(true);
              return 0;
            },
            Duration.ofMinutes(1));
    Identity other = new Identity(ME.text() + "env THESIS_CACHE_DIR=/elsewhere\n");
    Answer a = send(socket, Request.run(other, List.of("evaluate"), 0, Request.Terminal.NONE));
    assertThat(a.outcome()).isInstanceOf(Client.Refused.class);
    assertThat(a.out()).isEmpty();
    assertThat(ran.get()).isFalse();
  }

  @Test
  void aRunThatThrowsIsReportedAsAnInternalError() throws Exception {
    Path socket =
        start(
            (request, out, err) -> {
              out.println("partial");
              throw new IllegalStateException("boom");
            },
            Duration.ofMinutes(1));
    Answer a = send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE));
    assertThat(a.outcome()).isEqualTo(new Client.Exited(1));
    assertThat(a.out()).isEqualTo("partial\n");
    assertThat(a.err())
        .contains("internal error in the daemon: java.lang.IllegalStateException: boom");
  }

  @Test
  void statusSaysWhoItIsAndStopMakesItLeave() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMinutes(1));
    send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE));
    // The client has its answer before the daemon has put the run behind it: wait until it has, so
    // that both status lines below describe the same idle daemon.
    await().until(() -> send(socket, Request.status("/some/folder")).out().contains(" idle "));
    Answer status = send(socket, Request.status("/some/folder"));
    assertThat(status.outcome()).isEqualTo(new Client.Exited(0));
    assertThat(status.out())
        .contains("pid " + ProcessHandle.current().pid(), "folder /some/folder", "1 run(s) served");
    assertThat(send(socket, Request.status(Request.ALL_FOLDERS)).out()).isEqualTo(status.out());
    assertThat(send(socket, Request.stop("/some/folder")).outcome())
        .isEqualTo(new Client.Exited(0));
    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(socket).doesNotExist();
    assertThat(send(socket, Request.status(Request.ALL_FOLDERS)).outcome())
        .isInstanceOf(Client.Unavailable.class);
  }

  @Test
  void statusAndStopForAnotherFolderAreRefusedAndItStays() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMinutes(1));
    Answer status = send(socket, Request.status("/another/folder"));
    assertThat(status.outcome()).isEqualTo(new Client.Refused(Server.ANOTHER_FOLDER));
    assertThat(status.out()).isEmpty();
    assertThat(send(socket, Request.stop("/another/folder")).outcome())
        .isEqualTo(new Client.Refused(Server.ANOTHER_FOLDER));
    // A folder that merely starts the same is another folder.
    assertThat(send(socket, Request.stop("/some/folder/sub")).outcome())
        .isInstanceOf(Client.Refused.class);
    assertThat(socket).exists();
    assertThat(send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE)).outcome())
        .isEqualTo(new Client.Exited(0));
    assertThat(send(socket, Request.stop(Request.ALL_FOLDERS)).outcome())
        .isEqualTo(new Client.Exited(0));
    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anIdleDaemonLeaves() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMillis(300));
    assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(socket).doesNotExist();
  }

  @Test
  void aRebuiltJarMakesItLeaveBetweenRuns() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMinutes(10));
    assertThat(exited.await(300, TimeUnit.MILLISECONDS)).isFalse();
    current.set(new Identity(ME.text() + "cp=/rebuilt.jar 1 2\n"));
    assertThat(exited.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(socket).doesNotExist();
  }

  @Test
  void aClientThatHangsUpMidRunMakesItLeave() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Path socket =
        start(
            (request, out, err) -> {
              running.countDown();
              try {
                never.await(); // a rule that never returns
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 0;
            },
            Duration.ofMinutes(10));
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Frames.writeRequest(
          new DataOutputStream(Channels.newOutputStream(channel)),
          Request.run(ME, List.of(), 0, Request.Terminal.NONE));
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    } // Ctrl-C in the client: the connection closes
    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(socket).doesNotExist();
    never.countDown();
  }

  @Test
  void somethingThatIsNotAClientIsRefused() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMinutes(1));
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Channels.newOutputStream(channel)
          .write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = Channels.newInputStream(channel).readAllBytes();
      assertThat(answer[0]).isEqualTo(Frames.REFUSED);
      assertThat(new String(answer, 5, answer.length - 5, StandardCharsets.UTF_8))
          .contains("not a thesis client");
    }
    // And it still serves real clients.
    assertThat(send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE)).outcome())
        .isEqualTo(new Client.Exited(0));
  }

  @Test
  void theClientsTerminalReachesTheRun() throws Exception {
    AtomicReference<Request.Terminal> seen = new AtomicReference<>();
    Path socket =
        start(
            (request, out, err) -> {
              seen.set(request.terminal());
              return 0;
            },
            Duration.ofMinutes(1));
    send(socket, Request.run(ME, List.of(), 0, new Request.Terminal(true, false)));
    assertThat(seen.get()).isEqualTo(new Request.Terminal(true, false));
    send(socket, Request.run(ME, List.of(), 0, new Request.Terminal(false, true)));
    assertThat(seen.get()).isEqualTo(new Request.Terminal(false, true));
  }

  @Test
  void statusIsAnsweredDuringARunAndAQueuedRunGivesUpInTime() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Path socket =
        start(
            (request, out, err) -> {
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 0;
            },
            new Server.Timing(
                Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(300)));
    Thread slow =
        new Thread(() -> send(socket, Request.run(ME, List.of("slow"), 0, Request.Terminal.NONE)));
    slow.start();
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    Answer status = send(socket, Request.status(Request.ALL_FOLDERS));
    assertThat(status.out()).contains("1 run(s) served", "running one now");
    // The next run waits its turn only so long, then is refused (its client runs it itself).
    assertThat(send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE)).outcome())
        .isEqualTo(new Client.Refused("busy with another run"));
    release.countDown();
    slow.join(5_000);
    assertThat(send(socket, Request.run(ME, List.of(), 0, Request.Terminal.NONE)).outcome())
        .isEqualTo(new Client.Exited(0));
  }

  @Test
  void pollingTheStatusDoesNotKeepItUp() throws Exception {
    Path socket = start((request, out, err) -> 0, Duration.ofMillis(500));
    // Asks for the status every 100 ms; the daemon leaves all the same.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              send(socket, Request.status(Request.ALL_FOLDERS));
              return exited.getCount() == 0;
            });
  }

  /** A runner that signals when a run starts and blocks until released. */
  private static Server.Runner blocking(CountDownLatch running, CountDownLatch release) {
    return (request, out, err) -> {
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.println("finished " + request.args());
      return 0;
    };
  }

  @Test
  void stopLetsTheRunInProgressFinish() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Path socket = start(blocking(running, release), Duration.ofMinutes(1));
    AtomicReference<Answer> slow = new AtomicReference<>();
    Thread client =
        new Thread(
            () -> slow.set(send(socket, Request.run(ME, List.of("a"), 0, Request.Terminal.NONE))));
    client.start();
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(send(socket, Request.stop(Request.ALL_FOLDERS)).outcome())
        .isEqualTo(new Client.Exited(0));
    // Gone before the answer came: no new runs.
    assertThat(socket).doesNotExist();
    assertThat(exited.await(300, TimeUnit.MILLISECONDS)).isFalse(); // but the run goes on
    // The daemon's process exits when serve() returns: not while the run is in progress.
    assertThat(serving.isAlive()).isTrue();
    release.countDown();
    client.join(5_000);
    assertThat(slow.get().outcome()).isEqualTo(new Client.Exited(0));
    assertThat(slow.get().out()).isEqualTo("finished [a]\n");
    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    serving.join(5_000);
    assertThat(serving.isAlive()).isFalse();
  }

  @Test
  void aClientGoneWhileWaitingItsTurnIsSkippedNotFatal() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    java.util.List<List<String>> ran =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Server.Runner inner = blocking(running, release);
    Path socket =
        start(
            (request, out, err) -> {
              ran.add(request.args());
              return inner.run(request, out, err);
            },
            Duration.ofMinutes(1));
    Thread first =
        new Thread(() -> send(socket, Request.run(ME, List.of("first"), 0, Request.Terminal.NONE)));
    first.start();
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Frames.writeRequest(
          new DataOutputStream(Channels.newOutputStream(channel)),
          Request.run(ME, List.of("impatient"), 0, Request.Terminal.NONE));
      await().atMost(Duration.ofSeconds(5)).until(() -> server.queued() == 1); // behind the first
    } // and gone: it leaves the queue
    await().atMost(Duration.ofSeconds(5)).until(() -> server.queued() == 0);
    release.countDown();
    first.join(5_000);
    Answer after = send(socket, Request.run(ME, List.of("after"), 0, Request.Terminal.NONE));
    assertThat(after.outcome()).isEqualTo(new Client.Exited(0));
    assertThat(ran).containsExactly(List.of("first"), List.of("after"));
    assertThat(exited.getCount()).isOne();
  }
}
