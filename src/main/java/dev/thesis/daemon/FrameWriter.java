package dev.thesis.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes the daemon's answer frames; the two output streams share it, one frame at a time. */
final class FrameWriter {
  private final OutputStream socket;

  FrameWriter(OutputStream socket) {
    this.socket = socket;
  }

  synchronized void frame(byte type, byte[] bytes, int off, int len) throws IOException {
    byte[] framed = new byte[5 + len];
    framed[0] = type;
    ByteBuffer.wrap(framed, 1, 4).putInt(len);
    System.arraycopy(bytes, off, framed, 5, len);
    socket.write(framed);
  }

  void exit(int code) throws IOException {
    frame(Frames.EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
  }

  void text(byte type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    frame(type, bytes, 0, bytes.length);
  }

  /** A stream whose bytes go out as frames of one type, when flushed or when its buffer fills. */
  OutputStream stream(byte type) {
    return new OutputStream() {
      private final byte[] buffer = new byte[8192];
      private int used;

      @Override
      public void write(int b) throws IOException {
        if (used == buffer.length) {
          flush();
        }
        buffer[used++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - used) {
          flush();
        }
        if (len > buffer.length) {
          for (int at = off; at < off + len; at += Frames.MAX_FRAME) {
            frame(type, b, at, Math.min(Frames.MAX_FRAME, off + len - at));
          }
          return;
        }
        System.arraycopy(b, off, buffer, used, len);
        used += len;
      }

      @Override
      public void flush() throws IOException {
        if (used > 0) {
          frame(type, buffer, 0, used);
          used = 0;
        }
      }
    };
  }
}
