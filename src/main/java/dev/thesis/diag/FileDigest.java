package dev.thesis.diag;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file and the SHA-256 of the bytes that were read from it for this run: taken while reading, so
 * a report names exactly what it was made from, even if the file changed a moment later.
 */
public record FileDigest(Path path, String sha256) {

  /** A fresh SHA-256 digest (every Java has one). */
  public static MessageDigest hasher() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  public static FileDigest of(Path path, byte[] bytes) {
    return new FileDigest(path, HexFormat.of().formatHex(hasher().digest(bytes)));
  }

  public static FileDigest of(Path path, MessageDigest digest) {
    return new FileDigest(path, HexFormat.of().formatHex(digest.digest()));
  }
}
