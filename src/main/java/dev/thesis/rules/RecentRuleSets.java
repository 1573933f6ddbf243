package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule sets built earlier in this JVM, for a process that serves run after run (the daemon): the
 * same rules again skip reading the cached packages and Drools' network build. Off unless turned on,
 * so a one-run process and the tests see the disk cache alone. The key is the disk cache's (names
 * and bytes) plus the paths as given, since a rule set carries its files' display paths.
 */
final class RecentRuleSets {
  private static final int KEEP = 4;

  private static volatile boolean enabled;
  private static final Map<String, Entry> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > KEEP;
    }
  };

  /** A rule set, and the diagnostics its assembly added (warnings shown on every run). */
  record Entry(RuleSet ruleSet, List<Diagnostic> added) {}

  private RecentRuleSets() {}

  static synchronized void enable(boolean on) {
    enabled = on;
    RECENT.clear();
  }

  static String key(String cacheKey, Path rulesDir, List<Path> files) {
    return cacheKey == null || !enabled ? null : cacheKey + "\n" + rulesDir + "\n" + files;
  }

  static synchronized Entry get(String key) {
    return key == null ? null : RECENT.get(key);
  }

  static synchronized void put(String key, RuleSet ruleSet, List<Diagnostic> added) {
    if (key != null && ruleSet != null) {
      RECENT.put(key, new Entry(ruleSet, List.copyOf(added)));
    }
  }
}
