package dev.thesis.cli;

import dev.thesis.rules.CompiledRulesCache;
import dev.thesis.rules.RuleCompiler;
import dev.thesis.sandbox.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What a run reads, seen from its parent before the child starts: the paths to mount, the limits
 * their size calls for, and the cache entries the child may fill.
 */
final class RunInputs {
  private RunInputs() {}

  /**
   * Every path the command was given or defaults to (its rules, facts, scenario files, a fact file
   * for --with...), except where its reports go.
   */
  static List<Path> of(CommandLine.ParseResult parsed, Object command) {
    List<Path> found = new ArrayList<>();
    CommandLine.Model.CommandSpec spec = parsed.commandSpec();
    List<CommandLine.Model.ArgSpec> specs = new ArrayList<>(spec.options());
    specs.addAll(spec.positionalParameters());
    for (CommandLine.Model.ArgSpec a : specs) {
      if (a instanceof CommandLine.Model.OptionSpec o && List.of(o.names()).contains("--out")) {
        continue;
      }
      collect(a.getValue(), found);
    }
    if (command instanceof SafetyOptions.Bounded b) {
      found.addAll(b.moreInputs());
    }
    return found;
  }

  private static void collect(Object value, List<Path> into) {
    if (value instanceof Path p) {
      into.add(p);
    } else if (value instanceof java.io.File f) {
      into.add(f.toPath());
    } else if (value instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        collect(o, into);
      }
    }
  }

  /** The heap and wall clock for these inputs, unless the options set them. */
  static Limits limits(List<Path> inputs, SafetyOptions safety) {
    long bytes = 0;
    for (Path p : inputs) {
      bytes += size(p);
    }
    long physical = physicalMemory();
    Limits limits = Limits.defaults(bytes, physical);
    if (safety.timeout > 0) {
      limits = limits.withWallClock(Duration.ofMillis((long) Math.ceil(safety.timeout * 1000)));
    }
    if (safety.maxHeap > 0) {
      limits = limits.withHeap(safety.maxHeap);
    }
    return limits;
  }

  /** The machine's memory from /proc/meminfo (the management beans cost a run 50 ms); 0 unknown. */
  static long physicalMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no bound from the machine.
    }
    return 0;
  }

  private static long size(Path p) {
    if (Files.isRegularFile(p)) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        return 0;
      }
    }
    if (!Files.isDirectory(p)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".drl"))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** The rule folders the child may compile: their cache keys are the entries it may fill. */
  static List<String> cacheKeys(Object command) {
    List<String> keys = new ArrayList<>();
    List<Path> folders = command instanceof SafetyOptions.Bounded b ? b.ruleFolders() : List.of();
    for (Path dir : folders) {
      List<Path> files = RuleCompiler.drlFiles(dir, new ArrayList<>());
      if (!files.isEmpty()) {
        try {
          keys.add(CompiledRulesCache.key(dir.normalize(), files));
        } catch (IOException e) {
          // Unreadable now: the child could not have compiled it either.
        }
      }
    }
    return keys;
  }
}
