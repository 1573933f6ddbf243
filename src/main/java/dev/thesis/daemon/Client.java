package dev.thesis.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Sends one request to a daemon and copies its answer to the given streams. */
public final class Client {
  private Client() {}

  /** How a request ended. */
  public sealed interface Outcome {}

  /** The daemon ran the command; this is its exit code. */
  public record Exited(int code) implements Outcome {}

  /** No daemon answered; nothing was printed. */
  public record Unavailable(String why) implements Outcome {}

  /** A daemon answered that it will not run this; nothing was printed. */
  public record Refused(String why) implements Outcome {}

  /** The daemon went away after it had printed something: the run cannot be silently redone. */
  public record Lost(String why) implements Outcome {}

  public static Outcome send(Path socket, Request request, OutputStream out, OutputStream err) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      return new Unavailable(e.toString());
    }
    boolean printed = false;
    try (channel) {
      DataOutputStream request0 =
          new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
      Frames.writeRequest(request0, request);
      DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
      while (true) {
        int type = in.read();
        if (type < 0) {
          return printed
              ? new Lost("the daemon closed the connection")
              : new Unavailable("closed without answer");
        }
        int length = in.readInt();
        if (length < 0 || length > Frames.MAX_FRAME) {
          throw new IOException("frame of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        switch (type) {
          case Frames.OUT -> {
            out.write(bytes);
            out.flush();
            printed = true;
          }
          case Frames.ERR -> {
            err.write(bytes);
            err.flush();
            printed = true;
          }
          case Frames.EXIT -> {
            return new Exited(ByteBuffer.wrap(bytes).getInt());
          }
          case Frames.REFUSED -> {
            String why = new String(bytes, StandardCharsets.UTF_8);
            return printed ? new Lost(why) : new Refused(why);
          }
          default -> throw new IOException("unknown frame type " + type);
        }
      }
    } catch (IOException e) {
      return printed ? new Lost(e.toString()) : new Unavailable(e.toString());
    }
  }
}
