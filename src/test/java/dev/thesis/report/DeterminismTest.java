package dev.thesis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give byte-identical report.json across JVMs, whose hash and allocation orders
 * differ (in one JVM they often agree by luck). Runs the CLI twice in child JVMs with different
 * garbage collectors, on corpora with colliding conclusion ids and with accumulates.
 */
class DeterminismTest {
  @Test
  void reportsAreByteIdenticalAcrossJvms(@TempDir Path dir) throws Exception {
    for (String corpus : List.of("collide", "mini", "accumulate")) {
      byte[] first = run(dir.resolve(corpus + "-1"), corpus, "-XX:+UseSerialGC");
      byte[] second = run(dir.resolve(corpus + "-2"), corpus, "-XX:+UseParallelGC");
      assertThat(second).as(corpus).isEqualTo(first);
    }
  }

  private static byte[] run(Path out, String corpus, String gc) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String base = "src/test/resources/" + corpus;
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                gc,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.thesis.cli.Main",
                "evaluate",
                "--rules",
                base + "/rules",
                "--facts",
                base + "/facts",
                "--format",
                "json",
                "--out",
                out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
    return Files.readAllBytes(out.resolve("report.json"));
  }
}
