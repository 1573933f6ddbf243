package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's client and a real daemon process: a run it serves prints, exits and writes exactly
 * what a run in its own JVM does.
 */
class DaemonEndToEndTest {
  @TempDir Path work;

  private record Ran(int code, String out, String err) {}

  private Ran client(Map<String, String> extraEnv, String... args)
      throws IOException, InterruptedException {
    return client(work, extraEnv, args);
  }

  private Ran client(Path folder, Map<String, String> extraEnv, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ClientMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
    pb.environment().remove("THESIS_DAEMON");
    pb.environment().remove("THESIS_STDERR_TTY");
    pb.environment().remove("THESIS_LOG");
    pb.environment().put("THESIS_DAEMON_DIR", work.resolve("d").toString());
    pb.environment().put("THESIS_CACHE_DIR", work.resolve("cache").toString());
    // Should this test die before its clean-up, its daemon goes on its own.
    pb.environment().put("THESIS_DAEMON_IDLE_MINUTES", "2");
    pb.environment().putAll(extraEnv);
    File out = work.resolve("stdout").toFile();
    File err = work.resolve("stderr").toFile();
    Process p = pb.redirectOutput(out).redirectError(err).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Ran(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private List<Path> sockets() throws IOException {
    Path d = work.resolve("d");
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(d)) {
      return files.filter(f -> f.toString().endsWith(".sock")).toList();
    }
  }

  private Map<String, byte[]> reports() throws IOException {
    Map<String, byte[]> bytes = new java.util.TreeMap<>();
    for (String name : List.of("report.json", "report.md", "report.html")) {
      bytes.put(name, Files.readAllBytes(work.resolve("out").resolve(name)));
    }
    return bytes;
  }

  @AfterEach
  void stopDaemons() throws Exception {
    // All of this test's daemons (its own THESIS_DAEMON_DIR), whatever folder they serve.
    client(Map.of(), "daemon", "stop", "--all");
  }

  @Test
  void runsServedByTheDaemonMatchRunsInTheirOwnJvm() throws Exception {
    String rules = Fixtures.SEED_RULES.toAbsolutePath().toString();
    String facts = Fixtures.SEED_FACTS.toAbsolutePath().toString();
    // One output folder for all three runs, since the summary names it.
    Ran alone =
        client(
            Map.of("THESIS_DAEMON", "off"),
            "evaluate",
            "--rules",
            rules,
            "--facts",
            facts,
            "--out",
            "out");
    assertThat(alone.code()).isZero();
    assertThat(sockets()).isEmpty();
    Map<String, byte[]> expected = reports();
    Files.walk(work.resolve("out"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(f -> f.toFile().delete());

    for (int run = 0; run < 2; run++) {
      Ran served = client(Map.of(), "evaluate", "--rules", rules, "--facts", facts, "--out", "out");
      assertThat(served).isEqualTo(alone);
      Map<String, byte[]> written = reports();
      assertThat(written.keySet()).isEqualTo(expected.keySet());
      expected.forEach((name, bytes) -> assertThat(written.get(name)).as(name).isEqualTo(bytes));
    }
    assertThat(sockets()).hasSize(1);

    // Errors too: same message, same exit code.
    Ran badAlone =
        client(Map.of("THESIS_DAEMON", "off"), "evaluate", "--rules", "missing", "--facts", facts);
    Ran bad = client(Map.of(), "evaluate", "--rules", "missing", "--facts", facts);
    assertThat(bad).isEqualTo(badAlone);
    assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);

    Ran status = client(Map.of(), "daemon", "status");
    assertThat(status.out()).contains("folder " + work.toRealPath(), "3 run(s) served");

    Ran stop = client(Map.of(), "daemon", "stop");
    assertThat(stop.out()).contains("stopped 1 daemon(s)");
    // The socket goes before the answer does.
    assertThat(sockets()).isEmpty();
  }

  @Test
  void stopAndStatusMeanThisFoldersDaemonsUnlessAll() throws Exception {
    Path a = Files.createDirectories(work.resolve("a"));
    Path b = Files.createDirectories(work.resolve("b"));
    String rules = Fixtures.MINI_RULES.toAbsolutePath().toString();
    String facts = Fixtures.MINI_FACTS.toAbsolutePath().toString();
    assertThat(client(a, Map.of(), "check", "--rules", rules, "--facts", facts).code()).isZero();
    assertThat(client(b, Map.of(), "check", "--rules", rules, "--facts", facts).code()).isZero();
    assertThat(sockets()).hasSize(2);

    Ran statusA = client(a, Map.of(), "daemon", "status");
    assertThat(statusA.out())
        .contains("folder " + a.toRealPath())
        .doesNotContain("folder " + b.toRealPath());
    assertThat(client(a, Map.of(), "daemon", "status", "--all").out())
        .contains("folder " + a.toRealPath(), "folder " + b.toRealPath());
    Ran stopA = client(a, Map.of(), "daemon", "stop");
    assertThat(stopA.out()).isEqualTo("stopped 1 daemon(s)\n");
    assertThat(sockets()).hasSize(1);
    assertThat(client(a, Map.of(), "daemon", "status").out())
        .isEqualTo(
            "no daemon is running for this folder (1 for other folders: 'thesis daemon status --all')\n");
    assertThat(client(a, Map.of(), "daemon", "stop").out())
        .startsWith("no daemon was running for this folder");
    // b's daemon is still there, and serves b.
    assertThat(client(b, Map.of(), "daemon", "status").out())
        .contains("folder " + b.toRealPath(), "1 run(s) served");
    assertThat(client(b, Map.of(), "check", "--rules", rules, "--facts", facts).code()).isZero();
    assertThat(client(b, Map.of(), "daemon", "status").out()).contains("2 run(s) served");

    assertThat(client(a, Map.of(), "daemon", "stop", "--all").out())
        .endsWith("stopped 1 daemon(s)\n");
    assertThat(sockets()).isEmpty();
    assertThat(client(a, Map.of(), "daemon", "status", "--all").out())
        .startsWith("no daemon is running (folder ");
  }

  @Test
  void aDaemonOfAnotherVersionIsCountedNotMistakenForAnotherFolders() throws Exception {
    // A daemon this client cannot talk to: it holds its lock and refuses every request, as one of
    // an
    // older protocol does.
    Path d =
        Files.createDirectories(
            work.resolve("d"),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    try (java.nio.channels.FileChannel lock =
            java.nio.channels.FileChannel.open(
                d.resolve("0123456789abcdef.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = lock.lock();
        java.nio.channels.ServerSocketChannel old =
            java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      old.bind(java.net.UnixDomainSocketAddress.of(d.resolve("0123456789abcdef.sock")));
      Thread answering =
          new Thread(
              () -> {
                byte[] why =
                    "bad request: protocol version 3, expected 2".getBytes(StandardCharsets.UTF_8);
                java.nio.ByteBuffer refused =
                    java.nio.ByteBuffer.allocate(5 + why.length)
                        .put((byte) 4)
                        .putInt(why.length)
                        .put(why)
                        .flip();
                try {
                  while (true) {
                    try (java.nio.channels.SocketChannel c = old.accept()) {
                      c.read(
                          java.nio.ByteBuffer.allocate(1 << 16)); // the request, sent in one piece
                      c.write(refused.duplicate());
                    }
                  }
                } catch (IOException closed) {
                  // The test is over.
                }
              });
      answering.start();
      assertThat(client(Map.of(), "daemon", "status", "--all").out())
          .isEqualTo(
              "no daemon is running (folder "
                  + d
                  + ")\n1 daemon(s) of another thesis version did not answer; each leaves within 10 s once its jar is"
                  + " rebuilt, else when idle\n");
      assertThat(client(Map.of(), "daemon", "stop").out())
          .startsWith("no daemon was running for this folder\n1 daemon(s)");
    }
  }

  private static String withoutLogLines(String err) {
    return err.lines()
        .filter(
            l ->
                !l.startsWith("thesis: debug: ")
                    && !l.startsWith("thesis: info: ")
                    && !l.startsWith("thesis: warn: "))
        .map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining());
  }

  @Test
  void aDaemonThatWillNotStartIsLoggedAndTheRunHappensHere() throws Exception {
    String rules = Fixtures.MINI_RULES.toAbsolutePath().toString();
    String facts = Fixtures.MINI_FACTS.toAbsolutePath().toString();
    Ran quiet = client(Map.of("THESIS_DAEMON", "off"), "check", "--rules", rules, "--facts", facts);
    // The client's own JVM ignores THESIS_JAVA_OPTS here (no launcher); the daemon it starts does
    // not.
    Map<String, String> broken = Map.of("THESIS_JAVA_OPTS", "-XX:+NoSuchOption");
    Ran failing =
        client(
            Map.of("THESIS_JAVA_OPTS", "-XX:+NoSuchOption", "THESIS_LOG", "info"),
            "check",
            "--rules",
            rules,
            "--facts",
            facts);
    assertThat(failing.code()).isZero();
    assertThat(failing.out()).isEqualTo(quiet.out());
    assertThat(failing.err())
        .containsPattern(
            "thesis: warn: ClientMain: the daemon exited with 1 before it answered;"
                + " its log is .*\\.log\n");
    assertThat(withoutLogLines(failing.err())).isEqualTo(quiet.err());
    // For a while, later runs do not try again; said at info, and nothing without THESIS_LOG.
    Ran later =
        client(
            Map.of("THESIS_JAVA_OPTS", "-XX:+NoSuchOption", "THESIS_LOG", "info"),
            "check",
            "--rules",
            rules,
            "--facts",
            facts);
    assertThat(later.err())
        .contains("thesis: info: ClientMain: no daemon: one failed to start lately");
    assertThat(client(broken, "check", "--rules", rules, "--facts", facts)).isEqualTo(quiet);
    assertThat(sockets()).isEmpty();
  }

  @Test
  void logLinesOnlyWhenThesisLogAsks() throws Exception {
    String rules = Fixtures.MINI_RULES.toAbsolutePath().toString();
    String facts = Fixtures.MINI_FACTS.toAbsolutePath().toString();
    Map<String, String> debug = Map.of("THESIS_LOG", "debug");
    Map<String, String> alone = Map.of("THESIS_DAEMON", "off");
    Map<String, String> aloneDebug = Map.of("THESIS_DAEMON", "off", "THESIS_LOG", "debug");

    Ran quiet = client(alone, "check", "--rules", rules, "--facts", facts);
    assertThat(quiet.err()).doesNotContain("thesis: debug", "thesis: info", "CompiledRulesCache");
    Ran first = client(aloneDebug, "check", "--rules", rules, "--facts", facts);
    assertThat(first.out()).isEqualTo(quiet.out());
    assertThat(first.err())
        .contains(
            "thesis: debug: ClientMain: THESIS_DAEMON=off: running in this process\n",
            "thesis: debug: CompiledRulesCache: hit, ");
    // The log lines come on top of what a run prints.
    assertThat(withoutLogLines(first.err())).isEqualTo(quiet.err());
    assertThat(
            client(
                Map.of("THESIS_DAEMON", "off", "THESIS_LOG", "warn"),
                "check",
                "--rules",
                rules,
                "--facts",
                facts))
        .isEqualTo(quiet);

    // Served by a daemon: its lines reach the client's stderr as a run of its own would print them.
    assertThat(client(Map.of(), "check", "--rules", rules, "--facts", facts)).isEqualTo(quiet);
    Ran served = client(debug, "check", "--rules", rules, "--facts", facts);
    assertThat(served.out()).isEqualTo(quiet.out());
    assertThat(served.err()).contains("thesis: debug: CompiledRulesCache: hit, ");
    assertThat(withoutLogLines(served.err())).isEqualTo(quiet.err());
    assertThat(client(debug, "daemon", "status").out()).contains("1 run(s) served");
  }

  @Test
  void anotherEnvironmentGetsADaemonOfItsOwn() throws Exception {
    String rules = Fixtures.MINI_RULES.toAbsolutePath().toString();
    String facts = Fixtures.MINI_FACTS.toAbsolutePath().toString();
    // On a terminal, starting a daemon is said once; what it serves then prints as before.
    Ran starting =
        client(Map.of("THESIS_STDERR_TTY", "1"), "check", "--rules", rules, "--facts", facts);
    assertThat(starting.code()).isZero();
    assertThat(starting.err())
        .contains("thesis: starting a daemon", "'thesis daemon stop' stops it");
    Ran started =
        client(Map.of("THESIS_STDERR_TTY", "1"), "check", "--rules", rules, "--facts", facts);
    assertThat(started.err()).doesNotContain("starting a daemon");
    assertThat(starting.err())
        .isEqualTo(
            starting
                    .err()
                    .lines()
                    .filter(l -> l.startsWith("thesis: starting a daemon"))
                    .findFirst()
                    .orElseThrow()
                + "\n"
                + started.err());
    assertThat(
            client(
                    Map.of("THESIS_CACHE_DIR", work.resolve("cache2").toString()),
                    "check",
                    "--rules",
                    rules,
                    "--facts",
                    facts)
                .code())
        .isZero();
    assertThat(sockets()).hasSize(2);
  }

  @Test
  void aDaemonsRunsDoNotDriftFromAFreshJvmsAsTheyAddUp() throws Exception {
    // Drools compiles a constraint to Java after 20 evaluations, counted in its knowledge base, and
    // 10 / 0 throws in Java but not in MVEL: six evaluations a run, so a knowledge base kept
    // between
    // runs would turn this corpus into an error by the fifth run.
    Path rules = Files.createDirectories(work.resolve("r"));
    Files.copy(Fixtures.MINI_RULES.resolve("mini.drl"), rules.resolve("mini.drl"));
    Files.writeString(
        rules.resolve("ratio.drl"),
        """
        package mini;

        declare Num
            name : String
            n    : int
        end
        declare Ratio
            name : String @key
        end

        rule "Ten over n is more than one"
        when
            Num( $name : name, 10 / n > 1 )
        then
            insertLogical(new Ratio($name));
        end
        """);
    String corpus = Files.readString(Fixtures.MINI_FACTS.resolve("corpus.json"));
    StringBuilder nums = new StringBuilder();
    for (int n = 0; n < 6; n++) {
      nums.append(
          String.format(
              java.util.Locale.ROOT,
              ",%n    {\"id\": \"n%d\", \"type\": \"Num\", \"source\": \"s1\", \"name\": \"n%d\", \"n\": %d}",
              n,
              n,
              n));
    }
    int end = corpus.lastIndexOf(']');
    Path facts = Files.createDirectories(work.resolve("f"));
    Files.writeString(
        facts.resolve("corpus.json"),
        corpus.substring(0, end).stripTrailing() + nums + "\n  " + corpus.substring(end));
    String[] args = {
      "evaluate", "--rules", rules.toString(), "--facts", facts.toString(), "--format", "none"
    };
    Ran alone = client(Map.of("THESIS_DAEMON", "off"), args);
    for (int run = 0; run < 7; run++) {
      assertThat(client(Map.of(), args)).as("run %d", run + 1).isEqualTo(alone);
    }
  }
}
