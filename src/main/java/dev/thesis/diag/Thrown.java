package dev.thesis.diag;

/**
 * What a {@link Throwable} thrown by the rules' code (while building or firing) means, in the one
 * place every caller asks: the JVM's {@link Error}s become located errors like any exception, an
 * {@link OutOfMemoryError} becomes the memory limit, and only {@link ThreadDeath} goes on up.
 */
public final class Thrown {
  /** The code of a diagnostic that reports the memory limit: the run exits 7, not 3. */
  public static final String MEMORY_CODE = "memory-limit";

  private Thrown() {}

  /** What became of the run. */
  public enum Kind {
    /** The rules failed (exception, linkage error, recursion): invalid rules, exit 3. */
    FAILED,
    /** The heap ran out: the memory limit, exit 7. */
    MEMORY
  }

  /**
   * The kind of {@code t}; rethrows what must not be caught ({@link ThreadDeath}, which stops a
   * thread on purpose).
   */
  @SuppressWarnings("removal")
  public static Kind kind(Throwable t) {
    if (t instanceof ThreadDeath death) {
      throw death;
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return Kind.MEMORY;
      }
    }
    return Kind.FAILED;
  }

  /**
   * The throwable as an error message tail: its class and message, the first cause that says more,
   * and a hint for the JVM errors rules cause.
   */
  public static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t));
    Throwable cause = t.getCause();
    if (cause != null && cause != t && !String.valueOf(t).contains(String.valueOf(cause))) {
      String said = String.valueOf(cause);
      int eol = said.indexOf('\n');
      sb.append(" (caused by ").append(eol < 0 ? said : said.substring(0, eol).trim()).append(')');
    }
    String hint = hint(t);
    if (hint != null) {
      sb.append(" (").append(hint).append(')');
    }
    return sb.toString();
  }

  private static String hint(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "a function or method that calls itself without end?";
    }
    if (t instanceof ExceptionInInitializerError) {
      return "a declared type or enum whose initialisation failed, such as an enum constant that"
          + " refers to another declared enum";
    }
    if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
      return "a class the rules name is not on the class path";
    }
    if (t instanceof LinkageError) {
      return "a class the rules use does not match the one found";
    }
    return null;
  }

  /**
   * The memory-limit message: "memory limit reached while {@code doing}: the heap cap is N MB
   * (--max-heap)".
   */
  public static String memory(String doing) {
    return "memory limit reached while "
        + doing
        + ": the heap cap is "
        + heapCap()
        + " (--max-heap)";
  }

  /**
   * The cap as given to the JVM (-Xmx, which a run's parent sets from --max-heap), else what the
   * JVM reports (a little less than the cap, without one survivor space).
   */
  private static String heapCap() {
    long bytes = Runtime.getRuntime().maxMemory();
    for (String option :
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-Xmx") && ByteSizes.parse(option.substring(4)) > 0) {
        bytes = ByteSizes.parse(option.substring(4));
      }
    }
    return ByteSizes.show(bytes);
  }
}
