package dev.thesis.rules;

import dev.thesis.drools.PackageStreams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled knowledge packages on disk, keyed by a hash of the rule files' names and bytes, the
 * engine's version and this cache's format, so an entry is found only for exactly the rules it was
 * built from: an edited rule changes the key, and a stale entry is never read. Any trouble reading
 * an entry (corrupt, truncated, written by another engine) counts as a miss; the caller compiles
 * and the entry is replaced. Entries are written to a temporary file and renamed into place, so a
 * concurrent writer or a killed run never leaves a half-written entry under the real name.
 */
public final class CompiledRulesCache {
  /** Bumped whenever what is stored, or how the rules are built, changes. */
  private static final String FORMAT = "thesis-rules-cache-1";

  private static final String MAGIC = "THESISKB";
  private static final int KEEP = 32;

  /** Made on first use: a run's parent uses this class without logging, and slf4j costs 40 ms. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
  }

  /** The largest entry a parent takes from a child's outbox. */
  private static final long MAX_ADOPTED_BYTES = 512L << 20;

  private final Path dir;

  /** Where new entries go instead of {@code dir}: a sandboxed child's, which reads dir only. */
  private final Path outbox;

  private CompiledRulesCache(Path dir, Path outbox) {
    this.dir = dir;
    this.outbox = outbox;
  }

  /** A cache in {@code dir}, or none at all when {@code dir} is null. */
  public static CompiledRulesCache in(Path dir) {
    return new CompiledRulesCache(dir, null);
  }

  public static CompiledRulesCache disabled() {
    return new CompiledRulesCache(null, null);
  }

  /**
   * The user's cache: {@code $THESIS_CACHE_DIR} if set ("off" disables it), else {@code
   * $XDG_CACHE_HOME/thesis}, else {@code ~/.cache/thesis}.
   */
  public static CompiledRulesCache of(dev.thesis.env.Environment environment) {
    java.util.Optional<Path> base = environment.cacheDir();
    if (base.isEmpty()) {
      Log.LOG.debug("off (THESIS_CACHE_DIR=off)");
      return disabled();
    }
    Path rules = base.get().resolve("rules");
    // A sandboxed child's parent checked the folder before mounting it read-only (inside, the
    // user database that names owners is not visible).
    java.util.Optional<String> refused =
        environment.cacheOutbox().isPresent()
            ? java.util.Optional.empty()
            : refusal(rules, environment);
    if (refused.isPresent()) {
      Log.LOG.warn("not used: {}", refused.get());
      return disabled();
    }
    return new CompiledRulesCache(rules, environment.cacheOutbox().orElse(null));
  }

  /** Why the cache folder {@code rules} must not be used by this user, if it must not. */
  public static java.util.Optional<String> refusal(
      Path rules, dev.thesis.env.Environment environment) {
    return CacheFolder.refusal(rules, environment.userName());
  }

  /**
   * Takes the entry a sandboxed child left in {@code outbox} for {@code key}, if there is one: a
   * plain file of a sane size, named for the key this parent computed from the rule files itself
   * (so a run's rules can only ever fill the entry of their own text). Failures are ignored.
   */
  public void adopt(Path outbox, String key) {
    if (dir == null || !key.matches("[0-9a-f]{64}")) {
      return;
    }
    Path staged = outbox.resolve(key + ".kb");
    try {
      if (!Files.isRegularFile(staged, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || Files.size(staged) > MAX_ADOPTED_BYTES) {
        return;
      }
      CacheFolder.create(dir);
      Path tmp = Files.createTempFile(dir, key.substring(0, 16) + ".", ".tmp");
      Files.copy(staged, tmp, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(
            tmp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry(key), StandardCopyOption.REPLACE_EXISTING);
      }
      Log.LOG.debug("stored {} (compiled in the sandbox)", entry(key));
      prune();
    } catch (IOException | RuntimeException e) {
      Log.LOG.debug("could not store {}: {}", entry(key), e.toString());
    }
  }

  /** Makes the cache's folder when missing, private to the user (for mounting it read-only). */
  public void createFolder() throws IOException {
    if (dir != null) {
      CacheFolder.create(dir);
    }
  }

  /** The folder entries are read from, or null when disabled. */
  public Path folder() {
    return dir;
  }

  public boolean enabled() {
    return dir != null;
  }

  /** The key for these rule files, read relative to {@code root} so a moved folder still hits. */
  public static String key(Path root, List<Path> files) throws IOException {
    Map<Path, byte[]> bytes = new HashMap<>();
    for (Path f : files) {
      bytes.put(f, Files.readAllBytes(f));
    }
    return key(root, files, bytes::get);
  }

  /** The key for these files with these contents (as read once by the caller). */
  static String key(
      Path root, List<Path> files, java.util.function.Function<Path, byte[]> contents) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(sha, FORMAT);
    update(sha, PackageStreams.engineVersion());
    update(sha, Runtime.version().feature() + "");
    for (Path f : files) {
      update(sha, root.relativize(f).toString().replace('\\', '/'));
      byte[] bytes = contents.apply(f);
      update(sha, bytes.length + "");
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  /**
   * What a hit gives back: the packages, and a class loader that already holds the bytecode of the
   * declared types (the packages refer to those classes by name while they are read back).
   */
  public record Entry(Collection<KiePackage> packages, ClassLoader classLoader) {}

  /** The packages stored under {@code key}; empty on a miss or any problem reading them. */
  public Optional<Entry> load(String key) {
    if (dir == null) {
      return Optional.empty();
    }
    Path entry = entry(key);
    if (!Files.isRegularFile(entry)) {
      Log.LOG.debug("miss, no entry {}", entry);
      return Optional.empty();
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(entry), 1 << 16)) {
      byte[] magic = in.readNBytes(MAGIC.length());
      if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        Log.LOG.debug("miss, {} is not an entry", entry);
        return Optional.empty();
      }
      DataInputStream header = new DataInputStream(in);
      if (!key.equals(header.readUTF())) {
        Log.LOG.debug("miss, {} holds another key", entry);
        return Optional.empty();
      }
      byte[] typeBytes = new byte[bounded(header.readInt(), entry)];
      header.readFully(typeBytes);
      ClassLoader parent = getClass().getClassLoader();
      ClassLoader loader = PackageStreams.classLoader(parent, classStore(typeBytes));
      Optional<Entry> found =
          PackageStreams.read(in, loader).map(packages -> new Entry(packages, loader));
      Log.LOG.debug(
          found.isPresent() ? "hit, {}" : "miss, {} holds something else than packages", entry);
      return found;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // A corrupt or foreign entry is a miss: compiling again is always correct.
      Log.LOG.debug("miss, {} is unreadable: {}", entry, e.toString());
      return Optional.empty();
    }
  }

  /** Stores packages under {@code key}; failures are ignored (the cache only saves time). */
  public void store(String key, Collection<KiePackage> packages, Map<String, byte[]> typeClasses) {
    if (dir == null) {
      return;
    }
    Path tmp = null;
    Path into = outbox != null ? outbox : dir;
    try {
      if (outbox == null) {
        CacheFolder.create(dir);
      }
      tmp = Files.createTempFile(into, key.substring(0, 16) + ".", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        DataOutputStream header = new DataOutputStream(out);
        // The key inside the entry guards against a file renamed or copied under another name.
        header.writeUTF(key);
        byte[] types = classStoreBytes(typeClasses);
        header.writeInt(types.length);
        header.write(types);
        header.flush();
        PackageStreams.write(out, packages);
      }
      Path target = into.resolve(key + ".kb");
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      Log.LOG.debug("stored {}", target);
      if (outbox == null) {
        prune();
      }
    } catch (IOException | RuntimeException e) {
      // Read-only home, full disk, a package that does not serialize: run without the cache.
      Log.LOG.debug("could not store {}: {}", entry(key), e.toString());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort; a leftover .tmp file is never read.
        }
      }
    }
  }

  /** Every edit adds an entry; only the most recent ones are worth their disk space. */
  private void prune() throws IOException {
    List<Path> entries;
    try (var listing = Files.list(dir)) {
      entries = listing.filter(p -> p.getFileName().toString().endsWith(".kb")).toList();
    }
    if (entries.size() <= KEEP) {
      return;
    }
    Map<Path, Long> modified = new HashMap<>();
    for (Path p : entries) {
      modified.put(p, Files.getLastModifiedTime(p).toMillis());
    }
    List<Path> oldestFirst = new ArrayList<>(entries);
    oldestFirst.sort(java.util.Comparator.comparing(modified::get));
    for (Path p : oldestFirst.subList(0, entries.size() - KEEP)) {
      Files.deleteIfExists(p);
    }
  }

  /** The declared types' bytecode as one plain byte array (names and lengths, then bytes). */
  private static byte[] classStoreBytes(Map<String, byte[]> classes) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Map<String, byte[]> sorted = new TreeMap<>(classes);
      out.writeInt(sorted.size());
      for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> classStore(byte[] bytes) throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        byte[] b = new byte[bounded(in.readInt(), null)];
        in.readFully(b);
        classes.put(name, b);
      }
    }
    return classes;
  }

  /** A length read from an entry, refused when no entry could hold it (a corrupt one would OOM). */
  private static int bounded(int length, Path entry) throws IOException {
    long limit = entry == null ? Integer.MAX_VALUE - 8 : Files.size(entry);
    if (length < 0 || length > limit || length > (1 << 28)) {
      throw new IOException("corrupt length " + length);
    }
    return length;
  }

  Path entry(String key) {
    return dir.resolve(key + ".kb");
  }
}
