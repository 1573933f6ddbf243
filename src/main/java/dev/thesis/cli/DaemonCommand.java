package dev.thesis.cli;

import dev.thesis.daemon.Client;
import dev.thesis.daemon.Rendezvous;
import dev.thesis.daemon.Request;
import dev.thesis.daemon.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `thesis daemon [status|stop] [--all]`: the background daemons that keep the engine warm between
 * runs. Without --all, only the daemons serving this folder: stopping another project's daemon from
 * here would be a surprise, and slow its next run.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Show the daemons that serve runs in this folder in the background (status), or stop them"
          + " (stop); with --all, every daemon of yours.",
      "The launcher starts one per folder and build; it leaves after THESIS_DAEMON_IDLE_MINUTES (default 30)"
          + " without a run. THESIS_DAEMON=off runs every command in its own JVM."
    })
final class DaemonCommand implements Callable<Integer> {
  enum Action {
    status,
    stop
  }

  private final Console console;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "status",
      descriptionKey = "daemon.params")
  Action action;

  @Option(names = "--all")
  boolean all;

  DaemonCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Path folder = console.environment().daemonDir();
    // As the daemons' identities have it.
    String meant = all ? Request.ALL_FOLDERS : Path.of("").toAbsolutePath().toString();
    List<Path> sockets = List.of();
    if (Files.isDirectory(folder)) {
      try {
        // Also clears what daemons that are gone left behind.
        sockets = Rendezvous.open(folder).prune();
      } catch (IOException e) {
        console.err().println("thesis: cannot use " + folder + ": " + e.getMessage());
        return ExitCodes.INTERNAL;
      }
    }
    int answered = 0;
    int elsewhere = 0;
    int otherVersion = 0;
    for (Path socket : sockets) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      Request request = action == Action.stop ? Request.stop(meant) : Request.status(meant);
      Client.Outcome outcome = Client.send(socket, request, text, text);
      if (outcome instanceof Client.Exited) {
        answered++;
        console.out().print(text.toString(StandardCharsets.UTF_8));
      } else if (outcome instanceof Client.Refused refused) {
        if (refused.why().equals(Server.ANOTHER_FOLDER)) {
          elsewhere++;
        } else {
          otherVersion++; // it does not read this client's requests
        }
      }
    }
    // Where it looked, or what --all would find.
    String scope =
        all
            ? " (folder " + folder + ")"
            : " for this folder"
                + (elsewhere == 0
                    ? ""
                    : " ("
                        + elsewhere
                        + " for other folders: 'thesis daemon "
                        + action
                        + " --all')");
    if (action == Action.stop) {
      console
          .out()
          .println(
              answered == 0
                  ? "no daemon was running" + scope
                  : "stopped " + answered + " daemon(s)");
    } else if (answered == 0) {
      console.out().println("no daemon is running" + scope);
    }
    if (otherVersion > 0) {
      console
          .out()
          .println(
              otherVersion
                  + " daemon(s) of another thesis version did not answer; each leaves within"
                  + " 10 s once its jar is rebuilt, else when idle");
    }
    return ExitCodes.OK;
  }
}
