package dev.thesis.cli;

import dev.thesis.diag.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * In the child of {@code --timeout}: keeps a small file saying which rule is firing now and which
 * fired most, rewritten every quarter second, so that the parent can name the culprit after killing
 * the child (a loop, or a consequence that never returns, names itself).
 */
final class StatusFile implements Progress {
  private final Progress inner;
  private final Path file;
  private final Map<String, Long> fired = new HashMap<>();
  private String firing;
  private String phase;

  StatusFile(Progress inner, Path file) {
    this.inner = inner;
    this.file = file;
  }

  /** Wraps {@code inner} when this process is the child of --timeout; otherwise returns it. */
  static Progress forEnvironment(Progress inner, dev.thesis.env.Environment environment) {
    if (!environment.child() || environment.statusFile().isEmpty()) {
      return inner;
    }
    StatusFile s = new StatusFile(inner, environment.statusFile().get());
    Thread writer = new Thread(s::keepWriting, "thesis-status");
    writer.setDaemon(true);
    writer.start();
    return s;
  }

  @Override
  public synchronized Task start(String name, long total) {
    phase = name;
    return inner.start(name, total);
  }

  @Override
  public boolean followsFirings() {
    return true;
  }

  @Override
  public synchronized void firing(String rule) {
    firing = rule;
    fired.merge(rule, 1L, Long::sum);
  }

  @Override
  public synchronized void fired() {
    firing = null;
  }

  synchronized String text() {
    StringBuilder b = new StringBuilder();
    if (firing == null && fired.isEmpty()) {
      // Killed before the rules ran (a slow start, a huge corpus): say where it was instead.
      return "no rule had fired yet; the run was "
          + (phase == null ? "starting up and compiling the rules" : phase);
    }
    if (firing != null) {
      b.append("rule \"").append(firing).append("\" was firing (its consequence had not returned)");
    }
    String most =
        fired.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .map(e -> "\"" + e.getKey() + "\" " + e.getValue() + " times")
            .collect(java.util.stream.Collectors.joining(", "));
    if (!most.isEmpty()) {
      b.append(b.length() > 0 ? "; " : "").append("fired most: ").append(most);
    }
    return b.toString();
  }

  private void keepWriting() {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    while (true) {
      try {
        Files.writeString(tmp, text(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(250);
      } catch (IOException e) {
        return;
      } catch (OutOfMemoryError e) {
        // The heap ran out while this side channel wrote: the run's own thread meets it too, and
        // reports it with the rule that was firing.
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
