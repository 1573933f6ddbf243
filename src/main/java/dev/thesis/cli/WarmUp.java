package dev.thesis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A spare child's first minutes of work, done before its run arrives: one evaluation of a corpus of
 * one fact, which loads and links the classes every run needs (picocli, the DRL parser and
 * compiler, Jackson, the engine, the weighing), then a few more that let the JIT compile them. Its
 * output goes nowhere, and it writes no report. When the run arrives, the round under way finishes
 * (the first one loads what the run needs anyway) and no other starts.
 */
final class WarmUp {
  /** A small corpus of the seed's shape: entities, edges, two stages, rival theses, a question. */
  private static final String RULES =
      "package warm;\n"
          + "declare Firm @entity(kind = \"kind\", label = \"name\")\n"
          + "  code : String @key\n  name : String\n  kind : String\nend\n"
          + "declare Deal @edge(from = \"investor\", to = \"lab\", label = \"invests in\")\n"
          + "  investor : String @ref(\"Firm\")\n  lab : String @ref(\"Firm\")\nend\n"
          + "declare Spend @edge(from = \"lab\", to = \"cloud\", label = \"spends on\")\n"
          + "  lab : String @ref(\"Firm\")\n  cloud : String @ref(\"Firm\")\nend\n"
          + "declare Rival\n  a : String\n  b : String\nend\n"
          + "declare RoundTrip\n  investor : String @key\n  lab : String @key\nend\n"
          + "declare Hedge\n  investor : String @key\nend\n"
          + "declare Circularity\n  investor : String @key\nend\n"
          + "declare Prudence\n  investor : String @key\nend\n"
          + "declare Caution\n  investor : String @key\nend\n"
          + "rule \"Money comes back\"\nwhen\n  Deal( $i : investor, $l : lab )\n"
          + "  Spend( lab == $l, cloud == $i )\nthen\n  insertLogical( new RoundTrip( $i, $l ) );\nend\n"
          + "rule \"Backs rivals\"\nwhen\n  Deal( $i : investor, $a : lab )\n"
          + "  Deal( investor == $i, $b : lab )\n  Rival( a == $a, b == $b )\n"
          + "then\n  insertLogical( new Hedge( $i ) );\nend\n"
          + "rule \"Circular\" @thesis(\"bubble\") @stance(\"supports\") @strength(0.7)\n"
          + "when\n  RoundTrip( $i : investor )\nthen\n  insertLogical( new Circularity( $i ) );\nend\n"
          + "rule \"Hedging\" @thesis(\"rational\") @stance(\"supports\") @strength(0.6)\n"
          + "when\n  Hedge( $i : investor )\n  not RoundTrip( investor == $i )\n"
          + "then\n  insertLogical( new Prudence( $i ) );\nend\n"
          + "rule \"Hedging is not froth\" @thesis(\"bubble\") @stance(\"opposes\") @strength(0.4)\n"
          + "when\n  Hedge( $i : investor )\nthen\n  insertLogical( new Caution( $i ) );\nend\n"
          + "rule \"Rated\" @question(\"why\") @rates(\"bubble: C, rational: I\") @strength(0.6)\n"
          + "when\n  RoundTrip( $i : investor, $l : lab )\nthen\n  insertLogical( new Caution( $l ) );\nend\n";

  private static String facts() {
    StringBuilder b = new StringBuilder("{\"sources\": [");
    for (int s = 0; s < 4; s++) {
      b.append(s == 0 ? "" : ", ")
          .append("{\"id\": \"s")
          .append(s)
          .append("\", \"text\": \"Source ")
          .append(s)
          .append(".\"}");
    }
    b.append("],\n\"theses\": [{\"id\": \"bubble\", \"title\": \"A bubble\"},")
        .append(
            " {\"id\": \"rational\", \"title\": \"Rational\"}],\n"
                + "\"questions\": [{\"id\": \"why\", \"title\": \"Why?\","
                + " \"hypotheses\": [\"bubble\", \"rational\"]}],\n\"facts\": [");
    java.util.List<String> facts = new java.util.ArrayList<>();
    for (int f = 0; f < 12; f++) {
      facts.add(
          fact(
              "f" + f,
              "Firm",
              f,
              "\"code\": \"f"
                  + f
                  + "\", \"name\": \"Firm "
                  + f
                  + "\", \"kind\": \""
                  + (f < 4 ? "cloud" : "lab")
                  + "\""));
    }
    for (int d = 0; d < 30; d++) {
      facts.add(
          fact(
              "d" + d,
              "Deal",
              d,
              "\"investor\": \"f" + (d % 4) + "\", \"lab\": \"f" + (4 + (d * 7) % 8) + "\""));
    }
    for (int p = 0; p < 16; p++) {
      facts.add(
          fact(
              "p" + p,
              "Spend",
              p,
              "\"lab\": \"f" + (4 + p % 8) + "\", \"cloud\": \"f" + (p * 3 % 4) + "\""));
    }
    for (int r = 0; r < 8; r++) {
      facts.add(
          fact(
              "r" + r,
              "Rival",
              r,
              "\"a\": \"f" + (4 + r) + "\", \"b\": \"f" + (4 + (r + 3) % 8) + "\""));
    }
    b.append(String.join(",\n", facts)).append("]}\n");
    return b.toString();
  }

  private static String fact(String id, String type, int n, String fields) {
    return "{\"id\": \""
        + id
        + "\", \"type\": \""
        + type
        + "\", \"source\": \"s"
        + (n % 4)
        + "\", \"confidence\": 0."
        + (5 + n % 5)
        + ", "
        + fields
        + "}";
  }

  private static final int ROUNDS = 4;

  private final Thread thread;
  private volatile boolean stopping;

  private WarmUp() {
    thread = new Thread(this::run, "thesis-warm-up");
    thread.setDaemon(true);
  }

  /** Starts warming up in the background. */
  static WarmUp start() {
    WarmUp w = new WarmUp();
    w.thread.start();
    return w;
  }

  /** Lets the round under way finish, and starts no other. */
  void stop() {
    stopping = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Never fails: a warm-up that cannot run leaves the run to load its classes itself. */
  private void run() {
    try {
      Path dir = Files.createTempDirectory("thesis-warm-up-");
      Files.createDirectories(dir.resolve("rules"));
      Files.createDirectories(dir.resolve("facts"));
      Files.writeString(dir.resolve("rules/warm.drl"), RULES);
      Files.writeString(dir.resolve("facts/warm.json"), facts());
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      // Its reports go to its own folder, never to the staging folder the run's go to.
      java.util.Map<String, String> variables = new java.util.HashMap<>(System.getenv());
      variables.remove(dev.thesis.env.Environment.STAGING);
      variables.remove(dev.thesis.env.Environment.CACHE_OUTBOX);
      variables.put("THESIS_CACHE_DIR", "off");
      java.util.Map<String, String> properties = new java.util.HashMap<>();
      System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
      Console console =
          new Console(
              nowhere,
              nowhere,
              dev.thesis.diag.Progress.NONE,
              -1,
              false,
              dev.thesis.env.Environment.of(variables, properties),
              false);
      // A few rounds: the JIT compiles what runs often, and every run does the same.
      for (int round = 0; round < ROUNDS && !stopping; round++) {
        Main.run(
            new String[] {
              "evaluate",
              "--rules",
              dir.resolve("rules").toString(),
              "--facts",
              dir.resolve("facts").toString(),
              "--out",
              dir.resolve("reports").toString()
            },
            console);
      }
    } catch (IOException | RuntimeException e) {
      // Nothing warmed; the run pays for it.
    }
  }
}
