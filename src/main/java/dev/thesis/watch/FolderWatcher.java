package dev.thesis.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Watches folders (recursively) and files, and reports changes in batches: a batch closes once no
 * change has come for the debounce interval, because editors save in several writes.
 */
public final class FolderWatcher implements AutoCloseable {
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Predicate<Path> relevant;
  private final Duration debounce;

  /**
   * @param roots folders (watched with their subfolders) and files (their folder is watched)
   * @param relevant which changed paths count (e.g. only .drl and .json, not the reports)
   */
  public FolderWatcher(List<Path> roots, Predicate<Path> relevant, Duration debounce)
      throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.relevant = relevant;
    this.debounce = debounce;
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      registerTree(Files.isDirectory(abs) ? abs : abs.getParent());
    }
  }

  /** Blocks until a batch of relevant changes has settled; returns the changed paths. */
  public TreeSet<Path> nextBatch() throws InterruptedException {
    TreeSet<Path> changed = new TreeSet<>();
    while (changed.isEmpty()) {
      drain(service.take(), changed);
    }
    while (true) {
      WatchKey key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
      if (key == null) {
        return changed;
      }
      drain(key, changed);
    }
  }

  private void drain(WatchKey key, TreeSet<Path> changed) {
    Path folder = folders.get(key);
    for (WatchEvent<?> e : key.pollEvents()) {
      if (folder == null || e.kind() == StandardWatchEventKinds.OVERFLOW) {
        continue;
      }
      Path p = folder.resolve((Path) e.context());
      if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
        // A folder moved in may hold files already: its relevant files are changes too.
        registerTree(p);
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(relevant).forEach(changed::add);
        } catch (IOException ex) {
          changed.add(p);
        }
      } else if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE && isWatchedFolder(p)) {
        // A folder moved out takes its files along.
        changed.add(p);
      }
      if (relevant.test(p)) {
        changed.add(p);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private boolean isWatchedFolder(Path p) {
    return folders.containsValue(p);
  }

  private void registerTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path d : walk.filter(Files::isDirectory).toList()) {
        WatchKey key =
            d.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        folders.put(key, d);
      }
    } catch (IOException | ClosedWatchServiceException e) {
      // A folder that vanished while being registered has nothing left to watch.
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
