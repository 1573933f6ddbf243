package dev.thesis.diag;

/**
 * Where long work reports how far it has got. The library reports; only the command line decides
 * whether anyone sees it (a bar on a terminal, nothing when piped or in CI).
 */
public interface Progress {
  /** A task of {@code total} steps, or -1 when the total is not known in advance. */
  Task start(String name, long total);

  /** Whether {@link #firing} and {@link #fired} are wanted (they cost a call per firing). */
  default boolean followsFirings() {
    return false;
  }

  /** A rule (by qualified name) starts firing. */
  default void firing(String rule) {}

  /** The rule that was firing has returned. */
  default void fired() {}

  /** One task; {@link #stepBy} may be called from several threads. */
  interface Task extends AutoCloseable {
    void stepBy(long steps);

    @Override
    void close();
  }

  Task SILENT_TASK =
      new Task() {
        @Override
        public void stepBy(long steps) {}

        @Override
        public void close() {}
      };

  Progress NONE = (name, total) -> SILENT_TASK;
}
