package dev.thesis;

import dev.thesis.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code thesis} run in a JVM of its own: for a small heap, or another current folder. */
public final class ChildJvm {
  private ChildJvm() {}

  /** What the run printed and its exit code. */
  public record Result(int code, String out, String err) {}

  /** Runs {@link Main} with {@code args} in {@code cwd}, the JVM given {@code jvmOptions}. */
  public static Result run(Path cwd, List<String> jvmOptions, List<String> args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Path errFile = Files.createTempFile("thesis-child", ".err");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(cwd.toFile())
              .redirectError(errFile.toFile())
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the child JVM did not finish in 60 s");
      }
      return new Result(p.exitValue(), out, Files.readString(errFile));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      Files.deleteIfExists(errFile);
    }
  }
}
