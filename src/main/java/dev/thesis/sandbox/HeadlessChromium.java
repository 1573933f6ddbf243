package dev.thesis.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints an HTML page to PDF with headless Chromium's print-to-PDF. The page comes from a run's
 * child, so it is treated as untrusted: Chromium gets a private folder holding only a copy of it,
 * its own throw-away profile and the output file, no network, and a wall clock after which it is
 * killed; where bubblewrap starts, Chromium runs confined to that folder (and the system's
 * programs, libraries and fonts) in namespaces of its own, with no network at all.
 */
public record HeadlessChromium(Path program, Path bwrap, Duration limit) {
  /** The names Chromium and Chrome are installed under, looked for in this order on the PATH. */
  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  /** What is said where none is found: how to get one. */
  public static final String HOW_TO_GET =
      "install Chromium (Debian, Ubuntu: sudo apt-get install chromium) or set THESIS_CHROMIUM to"
          + " a Chromium or Chrome program";

  /**
   * A copy of the page loads nothing from outside itself (no file, no address) and runs no script
   * (a script could navigate to a local file, which a policy does not stop): only its inline styles
   * apply. A policy in a meta element can only be narrowed by one later in the page, never widened.
   */
  static final String POLICY =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
          + " 'unsafe-inline'; img-src data:; font-src data:\">";

  /** Chromium's own configuration files that Debian's launcher script reads, and the fonts. */
  private static final List<Path> SYSTEM_CONFIG =
      List.of(Path.of("/etc/fonts"), Path.of("/etc/chromium.d"), Path.of("/etc/chromium"));

  /** The printing failed: Chromium missing, timed out, or ended without a PDF. */
  public static final class PrintException extends IOException {
    PrintException(String message) {
      super(message);
    }
  }

  /**
   * Chromium: {@code configured} (THESIS_CHROMIUM) when given, else the first of {@link #NAMES} on
   * {@code path}; a {@link PrintException} saying what is missing and how to get it.
   */
  public static Path locate(Optional<String> configured, String path) throws PrintException {
    if (configured.isPresent()) {
      Path p = Path.of(configured.get());
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
      throw new PrintException(
          "THESIS_CHROMIUM is "
              + configured.get()
              + ", which is not a program; "
              + HOW_TO_GET
              + " (or unset THESIS_CHROMIUM to look for chromium on the PATH)");
    }
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      for (String name : NAMES) {
        Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
        if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new PrintException(
        "no " + String.join(", ", NAMES) + " on the PATH to print with; " + HOW_TO_GET);
  }

  /** Prints {@code html} and returns the PDF's bytes. */
  public byte[] print(String html) throws IOException, InterruptedException {
    // The JDK makes temporary folders rwx------: no other user reads the page or the PDF.
    Path dir = Files.createTempDirectory("thesis-print-");
    try {
      Path page = dir.resolve("report.html");
      Path pdf = dir.resolve("report.pdf");
      Files.writeString(page, printCopy(html), StandardCharsets.UTF_8);
      List<String> command = command(dir, page, pdf);
      Process p =
          ChildProcess.start(command, Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), dir);
      p.getOutputStream().close();
      StringWriter said = new StringWriter();
      PrintWriter sink = new PrintWriter(said);
      ChildProcess.Outcome outcome = ChildProcess.await(p, limit, sink, sink);
      if (outcome.timedOut()) {
        throw new PrintException(
            program
                + " did not finish printing within "
                + Limits.seconds(limit)
                + " and was stopped");
      }
      if (outcome.exitCode() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new PrintException(
            program + " wrote no PDF (exit " + outcome.exitCode() + "): " + lastLines(said));
      }
      return Files.readAllBytes(pdf);
    } finally {
      deleteTree(dir);
    }
  }

  /** The command line: Chromium's, inside bubblewrap when there is one. */
  List<String> command(Path dir, Path page, Path pdf) {
    List<String> chromium = new ArrayList<>();
    chromium.add(program.toString());
    chromium.add("--headless");
    chromium.add("--disable-gpu");
    // Inside bubblewrap, bwrap is the sandbox (Chromium's own cannot nest in it as root); outside,
    // Chromium's own sandbox stays on, except for root, which Chromium refuses to sandbox.
    if (bwrap != null || runsAsRoot()) {
      chromium.add("--no-sandbox");
    }
    chromium.add("--user-data-dir=" + dir.resolve("profile"));
    chromium.add("--no-first-run");
    chromium.add("--disable-extensions");
    chromium.add("--disable-sync");
    chromium.add("--disable-component-update");
    chromium.add("--disable-background-networking");
    chromium.add("--disable-dev-shm-usage");
    // No network even where bubblewrap is missing: names resolve to nothing, and every address
    // goes through a proxy that does not exist.
    chromium.add("--host-resolver-rules=MAP * ~NOTFOUND");
    chromium.add("--proxy-server=127.0.0.1:9");
    chromium.add("--proxy-bypass-list=<-loopback>");
    chromium.add("--no-pdf-header-footer");
    chromium.add("--print-to-pdf=" + pdf);
    chromium.add(page.toUri().toString());
    if (bwrap == null) {
      return chromium;
    }
    List<Path> readOnly = new ArrayList<>(SYSTEM_CONFIG);
    try {
      // A Chrome installed outside /usr (under /opt): its own folder.
      readOnly.add(program.toRealPath().getParent());
    } catch (IOException e) {
      // Not there: Chromium then fails to start, and says so.
    }
    Confinement c = new Confinement(readOnly, List.of(dir), dir);
    return c.wrap(bwrap, Path.of(System.getProperty("java.home")), chromium);
  }

  /**
   * The copy that is printed: {@link #POLICY} first in its head, and every tree open (the page's
   * print style opens them too, where Chromium has {@code ::details-content}; its script, which
   * opens them in older browsers, does not run here).
   */
  static String printCopy(String html) {
    String open =
        html.replace("<details ", "<details open ").replace("<details>", "<details open>");
    String doctype = "<!DOCTYPE html>";
    if (open.regionMatches(true, 0, doctype, 0, doctype.length())) {
      // The parser puts the meta into the head it opens; the page's own html and head tags then
      // only add their attributes.
      return open.substring(0, doctype.length()) + POLICY + open.substring(doctype.length());
    }
    return doctype + POLICY + open;
  }

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The end of what Chromium said, for the message. */
  private static String lastLines(StringWriter said) {
    // Without a session bus (a server, a container) Chromium logs dbus errors that say nothing.
    List<String> lines =
        said.toString().strip().lines().filter(l -> !l.contains(":ERROR:dbus/")).toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
    return tail.isEmpty() ? "it said nothing" : String.join(" | ", tail);
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover temporary folder; the system's cleaning removes it.
    }
  }
}
