package dev.thesis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.thesis.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox holds by itself: real `thesis` processes run rules that attack the machine, with safe
 * mode off (--trust-rules), and nothing reaches outside. Each attack is first run unconfined
 * (--no-sandbox), to show that it does reach outside when nothing stops it: a test whose attack
 * failed on its own would prove nothing.
 */
class SandboxTest {
  @TempDir Path work;

  private Path home;
  private Path project;
  private String secret;

  @BeforeAll
  static void sandboxStarts() {
    Bubblewrap.Probe probe = Bubblewrap.probe(System.getenv("PATH"));
    if ("1".equals(System.getenv("THESIS_REQUIRE_SANDBOX"))) {
      assertThat(probe.unavailable())
          .as("THESIS_REQUIRE_SANDBOX=1, yet no sandbox starts")
          .isNull();
    }
    assumeThat(probe.available()).as("no sandbox here: " + probe.unavailable()).isTrue();
  }

  @BeforeEach
  void project() throws IOException {
    home = Files.createDirectories(work.resolve("home"));
    secret = "secret-" + System.nanoTime();
    Files.writeString(home.resolve("secret.txt"), secret);
    project = Files.createDirectories(work.resolve("project"));
    Fixtures.copyDir(Fixtures.MINI_FACTS, project.resolve("facts"));
    Fixtures.copyDir(Fixtures.MINI_RULES, project.resolve("rules"));
  }

  record Ran(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @Test
  void attacksFromRuleCodeAreContainedWithTheScanOff() throws Exception {
    try (ServerSocket listener =
        new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Path escaped = work.resolve("escaped.txt");
      Path processRan = work.resolve("process-ran.txt");
      Path intoInputs = project.resolve("facts/written-by-rules.json");
      Files.writeString(
          project.resolve("rules/zz-attack.drl"),
          attack(escaped, processRan, intoInputs, listener.getLocalPort()));
      AtomicInteger connections = accept(listener);

      Ran loose = thesis(Map.of(), "evaluate", "--trust-rules", "--no-sandbox");
      assertThat(loose.code()).as(loose.err()).isZero();
      assertThat(escaped).exists();
      assertThat(processRan).exists();
      assertThat(intoInputs).exists();
      assertThat(loose.all()).contains(secret);
      awaitConnections(connections, 1);
      Files.delete(escaped);
      Files.delete(processRan);
      Files.delete(intoInputs);
      deleteTree(project.resolve("reports"));

      Ran confined = thesis(Map.of(), "evaluate", "--trust-rules");
      assertThat(confined.code()).as(confined.err()).isZero();
      assertThat(confined.err()).contains("the sandbox still confines them");
      assertThat(escaped).doesNotExist();
      assertThat(processRan).doesNotExist();
      assertThat(intoInputs).doesNotExist();
      assertThat(confined.all()).doesNotContain(secret);
      for (String report : List.of("report.md", "report.json", "report.html")) {
        assertThat(Files.readString(project.resolve("reports").resolve(report)))
            .doesNotContain(secret);
      }
      // The rules ran: they said what each attempt met.
      assertThat(confined.err()).contains("ATTACK", "read:failed", "connect:failed");
      Thread.sleep(300);
      assertThat(connections.get()).as("connections from the sandbox").isEqualTo(1);
    }
  }

  @Test
  void codeRunWhileTheRulesAreBuiltIsContained() throws Exception {
    Path escaped = work.resolve("escaped-at-build.txt");
    // Drools evaluates a literal argument of a query call while it builds the rules.
    Files.writeString(
        project.resolve("rules/zz-build.drl"),
        "package mini;\n"
            + "query leakq(String s)\n  Investment( investor == s )\nend\n"
            + "rule \"Built\"\nwhen\n  leakq( java.nio.file.Files.writeString(java.nio.file.Path.of(\""
            + escaped
            + "\"), \"x\").toString() ; )\nthen\nend\n");
    Ran loose = thesis(Map.of(), "check", "--trust-rules", "--no-sandbox");
    assertThat(loose.code()).as(loose.err()).isZero();
    assertThat(escaped).exists();
    Files.delete(escaped);

    Ran confined = thesis(Map.of(), "check", "--trust-rules");
    assertThat(confined.code()).as(confined.err()).isZero();
    assertThat(escaped).doesNotExist();
  }

  @Test
  void nothingOneRunDoesReachesTheNextThroughTheDaemon() throws Exception {
    Path leaving = Files.createDirectories(work.resolve("leaving"));
    Path looking = Files.createDirectories(work.resolve("looking"));
    Files.copy(Fixtures.MINI_RULES.resolve("mini.drl"), leaving.resolve("mini.drl"));
    Files.copy(Fixtures.MINI_RULES.resolve("mini.drl"), looking.resolve("mini.drl"));
    Files.writeString(leaving.resolve("zz-leave.drl"), LEAVE);
    Files.writeString(looking.resolve("zz-look.drl"), LOOK);
    try {
      // One JVM for both runs shows what the second run would see.
      java.io.StringWriter err = new java.io.StringWriter();
      java.io.StringWriter out = new java.io.StringWriter();
      int code =
          dev.thesis.cli.Main.run(
              new String[] {
                "evaluate",
                "--rules",
                leaving.toString(),
                "--facts",
                project.resolve("facts").toString(),
                "--trust-rules",
                "--format",
                "none"
              },
              new java.io.PrintWriter(out),
              new java.io.PrintWriter(err));
      assertThat(System.getProperty("thesis.left")).as(code + " " + out + err).isEqualTo("behind");
    } finally {
      System.clearProperty("thesis.left");
    }
    try {
      Map<String, String> daemon =
          Map.of("THESIS_DAEMON", "on", "THESIS_DAEMON_DIR", work.resolve("d").toString());
      Ran left =
          client(
              daemon,
              "evaluate",
              "--rules",
              leaving.toString(),
              "--trust-rules",
              "--format",
              "none");
      assertThat(left.code()).as(left.err()).isZero();
      assertThat(left.err()).contains("LEFT");
      Ran looked =
          client(
              daemon,
              "evaluate",
              "--rules",
              looking.toString(),
              "--format",
              "none",
              "--trust-rules");
      assertThat(looked.code()).as(looked.err()).isZero();
      assertThat(looked.err())
          .contains("LOOK property=null threads=0 locale=" + java.util.Locale.getDefault());
      Ran status = client(daemon, "daemon", "status");
      assertThat(status.out()).contains("2 run(s) served");
    } finally {
      client(Map.of("THESIS_DAEMON_DIR", work.resolve("d").toString()), "daemon", "stop", "--all");
    }
  }

  @Test
  void aSpareChildNeverRunsOnInputsReplacedSinceItStarted() throws Exception {
    // THESIS_LOG is part of a daemon's identity: every run here has it, so one daemon serves all.
    Map<String, String> daemon =
        Map.of(
            "THESIS_DAEMON",
            "on",
            "THESIS_DAEMON_DIR",
            work.resolve("d").toString(),
            "THESIS_LOG",
            "debug");
    try {
      Ran first = client(daemon, "evaluate", "--format", "none");
      assertThat(first.code()).as(first.err()).isZero();
      // Replaced whole, as `rm -rf rules && cp -r ...` does: the spare's mount holds the old
      // folder.
      Path rules = project.resolve("rules");
      try (Stream<Path> walk = Files.walk(rules)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Fixtures.copyDir(Fixtures.MINI_RULES, rules);
      Files.writeString(
          rules.resolve("zz-new.drl"),
          "package mini;\nrule \"New\"\nwhen\nthen\n  System.out.println(\"NEW RULE\");\nend\n");
      Ran second = client(daemon, "evaluate", "--format", "none");
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.out()).contains("NEW RULE");
      // The spare started after the first run was there, and was not used.
      assertThat(second.err()).contains("spare child was started for another kind of run");
      Ran status = client(daemon, "daemon", "status");
      assertThat(status.out()).contains("2 run(s) served");
    } finally {
      client(Map.of("THESIS_DAEMON_DIR", work.resolve("d").toString()), "daemon", "stop", "--all");
    }
  }

  private static final String LEAVE =
      "package mini;\nrule \"Leave\"\nwhen\nthen\n"
          + "  System.setProperty(\"thesis.left\", \"behind\");\n"
          + "  Thread t = new Thread(() -> { try { Thread.sleep(3000); } catch (InterruptedException e) { } }, \"left-behind\");\n"
          + "  t.setDaemon(true); t.start();\n"
          + "  System.err.println(\"LEFT\");\nend\n";

  private static final String LOOK =
      "package mini;\nrule \"Look\"\nwhen\nthen\n"
          + "  long threads = Thread.getAllStackTraces().keySet().stream()"
          + ".filter(t -> t.getName().equals(\"left-behind\")).count();\n"
          + "  System.err.println(\"LOOK property=\" + System.getProperty(\"thesis.left\")"
          + " + \" threads=\" + threads + \" locale=\" + java.util.Locale.getDefault());\nend\n";

  @Test
  void aRunawayLoopStopsAtTheWallClockAndTheLastReportsStay() throws Exception {
    Ran good = thesis(Map.of(), "evaluate");
    assertThat(good.code()).as(good.err()).isZero();
    byte[] lastGood = Files.readAllBytes(project.resolve("reports/report.json"));
    Files.writeString(
        project.resolve("rules/zz-loop.drl"),
        "package mini;\nrule \"Spins\"\nwhen\nthen\n  long n = 0;\n  while (true) { n++; }\nend\n");
    // A busy machine can spend a short --timeout before the first firing; the message then says
    // so, and a longer one is tried, until the loop is caught in the act.
    String named = null;
    for (int timeout : new int[] {3, 10, 30}) {
      long start = System.nanoTime();
      Ran stopped = thesis(Map.of(), "evaluate", "--timeout", String.valueOf(timeout));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(stopped.code()).as(stopped.err()).isEqualTo(6);
      assertThat(stopped.err())
          .contains("stopped after " + timeout + " s, the run's wall-clock limit (--timeout)")
          .doesNotContain("\tat ");
      assertThat(seconds).as("seconds to stop").isLessThan(timeout + 57);
      assertThat(Files.readAllBytes(project.resolve("reports/report.json"))).isEqualTo(lastGood);
      if (stopped.err().contains("rule \"mini.Spins\" was firing")) {
        named = stopped.err();
        break;
      }
      assertThat(stopped.err()).contains("no rule had fired yet; the run was");
    }
    assertThat(named).as("a run stopped while Spins was firing").isNotNull();
  }

  @Test
  void allocationWithoutEndStopsAtTheHeapCap() throws Exception {
    Files.writeString(
        project.resolve("rules/zz-grow.drl"),
        "package mini;\nrule \"Grows\"\nwhen\nthen\n"
            + "  java.util.List l = new java.util.ArrayList();\n"
            + "  while (true) { l.add(new long[1000000]); }\nend\n");
    Ran stopped = thesis(Map.of(), "evaluate", "--trust-rules", "--max-heap", "128m");
    assertThat(stopped.code()).as(stopped.err()).isEqualTo(7);
    assertThat(stopped.err())
        .contains(
            "memory limit reached while firing rule \"Grows\" (rules/zz-grow.drl:2:1):"
                + " the heap cap is 128 MiB (--max-heap)")
        .doesNotContain("\tat ");
    assertThat(project.resolve("reports")).doesNotExist();
  }

  @Test
  void aJoinThatExplodesWithoutFiringStopsAtALimit() throws Exception {
    StringBuilder facts = new StringBuilder("{\"sources\": [{\"id\": \"s\", \"text\": \"q\"}],\n");
    facts.append("\"facts\": [\n");
    for (int i = 0; i < 60; i++) {
      facts
          .append(i == 0 ? "" : ",\n")
          .append("{\"id\": \"n")
          .append(i)
          .append("\", \"type\": \"Node\", \"source\": \"s\", \"confidence\": 0.9, \"n\": ")
          .append(i)
          .append("}");
    }
    facts.append("]}\n");
    Path explode = Files.createDirectories(work.resolve("explode"));
    Files.createDirectories(explode.resolve("facts"));
    Files.createDirectories(explode.resolve("rules"));
    Files.writeString(explode.resolve("facts/nodes.json"), facts);
    Files.writeString(
        explode.resolve("rules/join.drl"),
        "package x;\ndeclare Node\n  n : int\nend\ndeclare Big\n  size : long @key\nend\n"
            + "rule \"Six ways\"\nwhen\n"
            + "  $c : Number( longValue > 0 ) from accumulate(\n"
            + "    Node($a : n) and Node($b : n) and Node($c2 : n) and Node($d : n) and Node($e : n)"
            + " and Node($f : n), count($a))\n"
            + "then\n  insertLogical(new Big($c.longValue()));\nend\n");
    Ran stopped = thesis(explode, Map.of(), "evaluate", "--max-heap", "256m", "--timeout", "30");
    assertThat(stopped.code()).as(stopped.err()).isIn(6, 7);
    assertThat(stopped.err())
        .containsAnyOf("memory limit", "wall-clock limit")
        .doesNotContain("\tat ");
  }

  @Test
  void withoutASandboxSafeModeStillRefusesAndSaysSoOnce() throws Exception {
    Files.writeString(
        project.resolve("rules/zz-exec.drl"),
        "package mini;\nrule \"Runs\"\nwhen\nthen\n  Runtime.getRuntime().exec(\"true\");\nend\n");
    Ran refused = thesis(Map.of("PATH", "/nonexistent"), "check");
    assertThat(refused.code()).as(refused.err()).isEqualTo(3);
    assertThat(refused.err()).contains("zz-exec.drl:5:3", "Runtime");
    assertThat(refused.err().split("no sandbox", -1)).hasSize(2);

    Ran required = thesis(Map.of("PATH", "/nonexistent", "THESIS_REQUIRE_SANDBOX", "1"), "check");
    assertThat(required.code()).isEqualTo(1);
    assertThat(required.err()).contains("THESIS_REQUIRE_SANDBOX=1");
  }

  @Test
  void compiledRulesReachTheCacheThroughTheParentOnly() throws Exception {
    Ran first = thesis(Map.of("THESIS_LOG", "debug"), "check");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).doesNotContain("CompiledRulesCache: hit");
    Ran second = thesis(Map.of("THESIS_LOG", "debug"), "check");
    assertThat(second.err()).contains("CompiledRulesCache: hit");

    // A cache folder others may write to is not used.
    Path rules = work.resolve("cache/rules");
    Files.setPosixFilePermissions(
        rules, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Ran open = thesis(Map.of("THESIS_LOG", "debug"), "check");
    assertThat(open.code()).isZero();
    assertThat(open.err())
        .contains("writable by other users")
        .doesNotContain("CompiledRulesCache: hit");
  }

  private String attack(Path escaped, Path processRan, Path intoInputs, int port) {
    return "package mini;\n"
        + "rule \"Attack\"\nwhen\nthen\n"
        + "  StringBuilder said = new StringBuilder(\"ATTACK \");\n"
        + attempt(
            "write",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + escaped + "\"), \"x\");")
        + attempt(
            "input",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + intoInputs
                + "\"), \"x\");")
        + attempt(
            "process",
            "new ProcessBuilder(\"/bin/sh\", \"-c\", \"echo x > "
                + processRan
                + "\").start().waitFor();")
        + attempt(
            "read",
            "said.append(java.nio.file.Files.readString(java.nio.file.Path.of(\""
                + home.resolve("secret.txt")
                + "\")));")
        + attempt("connect", "new java.net.Socket(\"127.0.0.1\", " + port + ").close();")
        + "  System.err.println(said);\n"
        + "end\n";
  }

  private static String attempt(String what, String code) {
    return "  try { "
        + code
        + " said.append(\""
        + what
        + ":done \"); } catch (Throwable t) { said.append(\""
        + what
        + ":failed \"); }\n";
  }

  private static AtomicInteger accept(ServerSocket listener) throws IOException {
    AtomicInteger connections = new AtomicInteger();
    listener.setSoTimeout(200);
    Thread t =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  listener.accept().close();
                  connections.incrementAndGet();
                } catch (SocketTimeoutException again) {
                  // Poll until the test closes the socket.
                } catch (IOException closed) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return connections;
  }

  private static void awaitConnections(AtomicInteger connections, int n)
      throws InterruptedException {
    for (int i = 0; i < 50 && connections.get() < n; i++) {
      Thread.sleep(100);
    }
    assertThat(connections.get()).as("connections from the unconfined run").isEqualTo(n);
  }

  private Ran thesis(Map<String, String> env, String... args) throws Exception {
    return thesis(project, env, args);
  }

  /** The launcher's client, which hands the run to the folder's daemon. */
  private Ran client(Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--client"));
    all.addAll(List.of(args));
    return thesis(project, env, all.toArray(String[]::new));
  }

  private Ran thesis(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.thesis.cli.Main"));
    if (args.length > 0 && args[0].equals("--client")) {
      command.set(command.size() - 1, "dev.thesis.cli.ClientMain");
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("THESIS_"));
    e.put("HOME", home.toString());
    e.put("THESIS_CACHE_DIR", work.resolve("cache").toString());
    e.put("THESIS_DAEMON", "off");
    // Should this test die before its clean-up, its daemon goes on its own.
    e.put("THESIS_DAEMON_IDLE_MINUTES", "2");
    e.putAll(new HashMap<>(env));
    File out = work.resolve("stdout").toFile();
    File err = work.resolve("stderr").toFile();
    Process p = pb.redirectOutput(out).redirectError(err).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the run finished").isTrue();
    return new Ran(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
