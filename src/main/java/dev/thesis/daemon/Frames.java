package dev.thesis.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format. The client sends one request; the daemon answers with frames (a type byte, a
 * length, the bytes): standard output, standard error, and finally the exit code, or a refusal that
 * tells the client to run the command itself.
 */
final class Frames {
  // 3: status and stop name the folder whose daemons they mean.
  static final int VERSION = 3;
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte REFUSED = 4;

  private static final int MAGIC = 0x54485344; // "THSD"
  private static final int MAX_STRING = 1 << 20;
  private static final int MAX_ARGS = 10_000;
  static final int MAX_FRAME = 1 << 20;

  private Frames() {}

  static void writeRequest(DataOutputStream out, Request request) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeByte(request.kind().ordinal());
    writeString(out, request.identity());
    writeString(out, request.folder());
    out.writeLong(request.startupNanos());
    out.writeByte((request.terminal().console() ? 1 : 0) | (request.terminal().progress() ? 2 : 0));
    out.writeInt(request.args().size());
    for (String arg : request.args()) {
      writeString(out, arg);
    }
    out.flush();
  }

  static Request readRequest(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a thesis client");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("protocol version " + version + ", expected " + VERSION);
    }
    int kind = in.readByte();
    if (kind < 0 || kind >= Request.Kind.values().length) {
      throw new IOException("unknown request kind " + kind);
    }
    String identity = readString(in);
    String folder = readString(in);
    long startup = in.readLong();
    int terminal = in.readByte();
    int count = in.readInt();
    if (count < 0 || count > MAX_ARGS) {
      throw new IOException("too many arguments: " + count);
    }
    List<String> args = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      args.add(readString(in));
    }
    return new Request(
        Request.Kind.values()[kind],
        identity,
        folder,
        startup,
        args,
        new Request.Terminal((terminal & 1) != 0, (terminal & 2) != 0));
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING) {
      throw new IOException("string of " + length + " bytes");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
