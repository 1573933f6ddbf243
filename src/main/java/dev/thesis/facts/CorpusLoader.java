package dev.thesis.facts;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a corpus from fact files and folders, then checks what only the whole corpus can tell: ids
 * unique across every file, and references (a fact's or a thesis's source, a thesis's rivals) that
 * resolve.
 */
public final class CorpusLoader {
  private CorpusLoader() {}

  /** The corpus and every problem found; the corpus is usable only when no problem is an error. */
  public record Result(
      Corpus corpus, List<Diagnostic> diagnostics, List<dev.thesis.diag.FileDigest> files) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * Loads fact files and folders, adds parts read elsewhere (inline corpora of scenarios, with
   * their own diagnostics), and checks the whole.
   */
  public static Result load(
      List<Path> paths,
      List<CorpusPart> extra,
      List<Diagnostic> extraDiagnostics,
      dev.thesis.diag.Progress progress) {
    List<Diagnostic> diagnostics = new ArrayList<>(extraDiagnostics);
    List<Source> sources = new ArrayList<>();
    List<Thesis> theses = new ArrayList<>();
    List<FactRecord> facts = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<CorpusPart> parts = new ArrayList<>();
    // Files are parsed on every core, each into its own part and diagnostics; merged in file order,
    // so the corpus and its errors are the same as read one by one.
    List<Path> files = factFiles(paths, diagnostics);
    record Read(CorpusPart part, List<Diagnostic> diagnostics, dev.thesis.diag.FileDigest digest) {}
    List<Read> read;
    try (dev.thesis.diag.Progress.Task task = progress.start("reading fact files", files.size())) {
      read =
          (files.size() > 1 ? files.parallelStream() : files.stream())
              .map(
                  file -> {
                    List<Diagnostic> own = new ArrayList<>();
                    FactFileReader reader = new FactFileReader(file, DisplayPath.of(file), own);
                    Read r = new Read(reader.read(), own, reader.digest());
                    task.stepBy(1);
                    return r;
                  })
              .toList();
    }
    List<dev.thesis.diag.FileDigest> digests = new ArrayList<>();
    for (Read r : read) {
      if (r.digest() != null) {
        digests.add(r.digest());
      }
      parts.add(r.part());
      diagnostics.addAll(r.diagnostics());
    }
    parts.addAll(extra);
    for (CorpusPart c : parts) {
      sources.addAll(c.sources());
      theses.addAll(c.theses());
      facts.addAll(c.facts());
      questions.addAll(c.questions());
    }
    Corpus corpus = new Corpus(sources, theses, facts, questions);
    checkReferences(corpus, diagnostics);
    return new Result(corpus, List.copyOf(diagnostics), List.copyOf(digests));
  }

  /** The JSON files named, folders searched recursively; sorted so that load order is stable. */
  public static List<Path> factFiles(List<Path> paths, List<Diagnostic> diagnostics) {
    TreeSet<Path> files = new TreeSet<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          List<Path> found =
              walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json"))
                  .map(f -> f.toAbsolutePath().normalize())
                  .toList();
          if (found.isEmpty()) {
            diagnostics.add(
                Diagnostic.error(
                    Location.ofFile(DisplayPath.of(p)), "no .json fact files in this folder"));
          }
          files.addAll(found);
        } catch (IOException e) {
          diagnostics.add(
              Diagnostic.error(
                  Location.ofFile(DisplayPath.of(p)), "cannot list folder: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(p)) {
        // Absolute, so that one file named two ways is read once.
        files.add(p.toAbsolutePath().normalize());
      } else {
        diagnostics.add(
            Diagnostic.error(Location.ofFile(DisplayPath.of(p)), "no such fact file or folder"));
      }
    }
    return List.copyOf(files);
  }

  private static void checkReferences(Corpus corpus, List<Diagnostic> diagnostics) {
    // By id, what defines it; located only when a second one is met (facts are millions).
    int ids =
        corpus.sources().size()
            + corpus.theses().size()
            + corpus.facts().size()
            + corpus.questions().size();
    Ids seen = new Ids(ids);
    for (Source s : corpus.sources()) {
      unique(s.id(), s, seen, diagnostics);
    }
    for (Thesis t : corpus.theses()) {
      unique(t.id(), t, seen, diagnostics);
    }
    for (FactRecord f : corpus.facts()) {
      unique(f.id(), f, seen, diagnostics);
    }
    for (Question q : corpus.questions()) {
      unique(q.id(), q, seen, diagnostics);
    }
    Set<String> sourceIds = new HashSet<>();
    corpus.sources().forEach(s -> sourceIds.add(s.id()));
    Set<String> thesisIds = new HashSet<>();
    corpus.theses().forEach(t -> thesisIds.add(t.id()));
    // Facts of one source come together, and share its id's String: each is looked up once.
    String known = null;
    for (FactRecord f : corpus.facts()) {
      if (f.source() == known) {
        continue;
      }
      if (sourceIds.contains(f.source())) {
        known = f.source();
      } else {
        diagnostics.add(
            Diagnostic.error(
                f.locationOf("source"),
                "fact \""
                    + f.id()
                    + "\" cites source \""
                    + f.source()
                    + "\", which no fact file defines"));
      }
    }
    checkQuestions(corpus, sourceIds, thesisIds, diagnostics);
    for (Thesis t : corpus.theses()) {
      if (t.source() != null && !sourceIds.contains(t.source())) {
        diagnostics.add(
            Diagnostic.error(
                t.location(),
                "thesis \""
                    + t.id()
                    + "\" cites source \""
                    + t.source()
                    + "\", which no fact file defines"));
      }
      for (String r : t.rivals()) {
        if (!thesisIds.contains(r)) {
          diagnostics.add(
              Diagnostic.error(
                  t.location(),
                  "thesis \"" + t.id() + "\" names rival \"" + r + "\", which is not a thesis"));
        } else if (r.equals(t.id())) {
          diagnostics.add(
              Diagnostic.error(t.location(), "thesis \"" + t.id() + "\" names itself as a rival"));
        }
      }
    }
  }

  /**
   * A question's hypotheses are theses, each a hypothesis of one question only; its source exists.
   */
  private static void checkQuestions(
      Corpus corpus, Set<String> sourceIds, Set<String> thesisIds, List<Diagnostic> diagnostics) {
    Map<String, Question> owner = new HashMap<>();
    for (Question q : corpus.questions()) {
      if (q.source() != null && !sourceIds.contains(q.source())) {
        diagnostics.add(
            Diagnostic.error(
                q.location(),
                "question \""
                    + q.id()
                    + "\" cites source \""
                    + q.source()
                    + "\", which no fact file defines"));
      }
      for (int i = 0; i < q.hypotheses().size(); i++) {
        String h = q.hypotheses().get(i);
        if (!thesisIds.contains(h)) {
          diagnostics.add(
              Diagnostic.error(
                  q.hypothesisAt(i),
                  "question \""
                      + q.id()
                      + "\" names hypothesis \""
                      + h
                      + "\", which is not a thesis (define it in \"theses\")"));
          continue;
        }
        Question first = owner.putIfAbsent(h, q);
        if (first != null) {
          diagnostics.add(
              Diagnostic.error(
                  q.hypothesisAt(i),
                  "thesis \""
                      + h
                      + "\" is a hypothesis of question \""
                      + first.id()
                      + "\" (at "
                      + first.location()
                      + ") and of \""
                      + q.id()
                      + "\"; a thesis answers one question at most"));
        }
      }
    }
  }

  /**
   * What defines each id, in two arrays by the id's hash (probed in turn): a map of millions of ids
   * would make a node for each.
   */
  private static final class Ids {
    private final String[] ids;
    private final Object[] owners;

    Ids(int expected) {
      int n = Integer.highestOneBit(Math.max(expected, 1) * 2 - 1) * 2;
      ids = new String[n];
      owners = new Object[n];
    }

    /** The first owner of {@code id}, or null (and {@code owner} is kept) when there was none. */
    Object putIfAbsent(String id, Object owner) {
      int mask = ids.length - 1;
      int h = id.hashCode();
      for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
        if (ids[i] == null) {
          ids[i] = id;
          owners[i] = owner;
          return null;
        }
        if (ids[i].equals(id)) {
          return owners[i];
        }
      }
    }
  }

  private static void unique(String id, Object owner, Ids seen, List<Diagnostic> diagnostics) {
    Object first = seen.putIfAbsent(id, owner);
    if (first != null) {
      diagnostics.add(
          Diagnostic.error(
              idAt(owner), "duplicate id \"" + id + "\" (first defined at " + idAt(first) + ")"));
    }
  }

  /** Where a source, thesis, fact or question gives its id. */
  private static Location idAt(Object owner) {
    if (owner instanceof FactRecord f) {
      return f.locationOf("id");
    }
    if (owner instanceof Source s) {
      return s.location();
    }
    return owner instanceof Thesis t ? t.location() : ((Question) owner).location();
  }
}
