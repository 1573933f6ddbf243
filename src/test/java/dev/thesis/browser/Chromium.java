package dev.thesis.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: enough to
 * load a page, watch its network requests and errors, read its DOM and take a screenshot.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private String session;

  /** Debian's Chromium, where .ci/run installs it. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Skips the calling test where Chromium is not installed, except under THESIS_REQUIRE_CHROMIUM
   * (set by .ci/run), where a missing browser fails it instead.
   */
  static void requireOrSkip() {
    if (System.getenv("THESIS_REQUIRE_CHROMIUM") != null) {
      org.assertj.core.api.Assertions.assertThat(available())
          .as("Chromium is required here but not installed at " + BINARY)
          .isTrue();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        available(), "Chromium is not installed (" + BINARY + "): the browser test is skipped");
  }

  Chromium(Path profile) throws Exception {
    process =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "--window-size=1280,1600",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    // Its output is read on a thread (which also keeps the pipe from filling), so waiting for the
    // DevTools address can time out even if Chromium hangs before printing it.
    BlockingQueue<String> address = new LinkedBlockingQueue<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  int at = line.indexOf("ws://");
                  if (line.contains("DevTools listening on") && at >= 0) {
                    address.add(line.substring(at).trim());
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    String url = address.poll(30, TimeUnit.SECONDS);
    if (url == null) {
      process.destroyForcibly();
      throw new IOException("Chromium printed no DevTools address within 30 s");
    }
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          inbox.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          // not JSON: ignore
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  /**
   * Sends a command (to the page once attached) and waits for its answer, keeping events seen
   * meanwhile.
   */
  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params == null ? JSON.createObjectNode() : params);
    if (session != null && !method.startsWith("Target.") && !method.startsWith("Browser.")) {
      msg.put("sessionId", session);
    }
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode m = inbox.poll(1, TimeUnit.SECONDS);
      if (m == null) {
        continue;
      }
      if (m.path("id").asInt(-1) == id) {
        if (m.has("error")) {
          throw new IOException(method + ": " + m.get("error"));
        }
        return m.path("result");
      }
      events.add(m);
    }
    throw new IOException("no answer to " + method);
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Opens a page in a new tab, with network, runtime and log events on, and waits for it to load.
   */
  void open(String url) throws Exception {
    String target =
        send("Target.createTarget", params().put("url", "about:blank")).path("targetId").asText();
    session =
        send("Target.attachToTarget", params().put("targetId", target).put("flatten", true))
            .path("sessionId")
            .asText();
    for (String domain : List.of("Network", "Runtime", "Log", "Page")) {
      send(domain + ".enable", null);
    }
    // Only the load of this navigation counts, not the blank page's.
    events.clear();
    send("Page.navigate", params().put("url", url));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (events.stream().anyMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))
          && "complete".equals(eval("document.readyState").asText())
          && url.equals(eval("location.href").asText())) {
        return;
      }
      JsonNode m = inbox.poll(1, TimeUnit.SECONDS);
      if (m != null) {
        events.add(m);
      }
    }
    throw new IOException("the page did not load");
  }

  /** Evaluates JavaScript in the page and returns its value. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r =
        send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  void screenshot(Path png) throws Exception {
    ObjectNode p = params().put("format", "png").put("captureBeyondViewport", true);
    String data = send("Page.captureScreenshot", p).path("data").asText();
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(data));
  }

  /** URLs of every request the page made. */
  List<String> requests() {
    return events.stream()
        .filter(e -> "Network.requestWillBeSent".equals(e.path("method").asText()))
        .map(e -> e.path("params").path("request").path("url").asText())
        .toList();
  }

  /** Script exceptions, console errors and logged errors. */
  List<String> errors() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      String m = e.path("method").asText();
      if (m.equals("Runtime.exceptionThrown")
          || (m.equals("Runtime.consoleAPICalled")
              && "error".equals(e.path("params").path("type").asText()))
          || (m.equals("Log.entryAdded")
              && "error".equals(e.path("params").path("entry").path("level").asText()))) {
        out.add(e.toString());
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      send("Browser.close", null);
    } catch (Exception e) {
      // closing anyway
    }
    socket.abort();
    // Chromium's helpers (zygote, renderers, crash handler) can outlive it for a moment and still
    // write to the profile, which the test's temporary folder then cannot delete: taken now, while
    // they are still its descendants, and waited for too.
    java.util.List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        try {
          helper.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          helper.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      helpers.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }
}
