package dev.thesis.cli;

import dev.thesis.daemon.Client;
import dev.thesis.daemon.Rendezvous;
import dev.thesis.daemon.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `thesis daemon [status|stop]`: the background daemons that keep the engine warm between runs. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"List the daemons that serve runs in the background (status), or stop them all (stop).",
        "The launcher starts one per folder and build; it leaves after THESIS_DAEMON_IDLE_MINUTES (default 30)"
            + " without a run. THESIS_DAEMON=off runs every command in its own JVM."})
final class DaemonCommand implements Callable<Integer> {
  enum Action { status, stop }

  private final Console console;

  @Parameters(index = "0", arity = "0..1", defaultValue = "status", description = "status (default) or stop.")
  Action action;

  DaemonCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Path folder = Rendezvous.defaultFolder();
    if (!Files.isDirectory(folder)) {
      console.out().println(action == Action.stop ? "no daemon was running" : "no daemon is running (folder " + folder + ")");
      return ExitCodes.OK;
    }
    List<Path> sockets;
    try {
      // Also clears what daemons that are gone left behind.
      sockets = Rendezvous.open(folder).prune();
    } catch (IOException e) {
      console.err().println("thesis: cannot use " + folder + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    int answered = 0;
    for (Path socket : sockets) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      Request request = action == Action.stop ? Request.stop() : Request.status();
      if (Client.send(socket, request, text, text) instanceof Client.Exited) {
        answered++;
        console.out().print(text.toString(StandardCharsets.UTF_8));
      }
    }
    if (action == Action.stop) {
      console.out().println(answered == 0 ? "no daemon was running" : "stopped " + answered + " daemon(s)");
    } else if (answered == 0) {
      console.out().println("no daemon is running (folder " + folder + ")");
    }
    return ExitCodes.OK;
  }
}
