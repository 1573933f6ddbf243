package dev.thesis.inputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file and the SHA-256 of its bytes, so that a report says exactly what it was made from.
 *
 * @param name the path within its input folder (the file name for a file given directly): what two
 *     reports' inputs are matched by, wherever the folders were
 */
public record InputFile(String kind, String name, String file, String sha256) {

  public static InputFile of(String kind, Path root, Path path) {
    Path r = root.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    String name = (Files.isDirectory(r) && p.startsWith(r) ? r.relativize(p) : p.getFileName()).toString()
        .replace('\\', '/');
    String file = dev.thesis.diag.DisplayPath.of(path);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
      return new InputFile(kind, name, file, HexFormat.of().formatHex(digest));
    } catch (IOException e) {
      return new InputFile(kind, name, file, "unreadable");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
