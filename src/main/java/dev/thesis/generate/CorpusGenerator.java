package dev.thesis.generate;

import dev.thesis.facts.Thesis;
import dev.thesis.rules.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a synthetic corpus of any size for benchmarks: fact files in the loader's format, split
 * into files of at most a given number of facts, each citing a source that says it is synthetic.
 * The same settings give byte-identical files; each company's facts depend only on the seed and its
 * index, so they do not change with the file size or the target vocabulary (only the source a fact
 * cites, which is the file that holds it). Memory stays small: facts are streamed out a company at
 * a time.
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  /**
   * What to generate.
   *
   * @param factsPerFile the most facts one file holds; a file holds whole companies
   * @param tsv whether to write {@code Investment.facts}, {@code CloudSpend.facts} and {@code
   *     Competes.facts} as well
   */
  public record Settings(long companies, long seed, int factsPerFile, boolean tsv) {
    public static final long MIN_COMPANIES = 4;
    public static final int DEFAULT_FACTS_PER_FILE = 100_000;

    /** Well above the facts of one company, so that every file has room for whole companies. */
    public static final int MIN_FACTS_PER_FILE = 100;

    public Settings {
      if (companies < MIN_COMPANIES) {
        throw new IllegalArgumentException(
            "at least " + MIN_COMPANIES + " companies, not " + companies);
      }
      if (factsPerFile < MIN_FACTS_PER_FILE) {
        throw new IllegalArgumentException(
            "at least " + MIN_FACTS_PER_FILE + " facts per file, not " + factsPerFile);
      }
    }
  }

  /**
   * What was written.
   *
   * @param factsPerType facts written per type, in the generator's order of types
   * @param factFiles the names of the fact files written into the output folder, in order
   * @param tsvFiles the names of the tab-separated files written there
   */
  public record Summary(
      long companies,
      Map<String, Long> factsPerType,
      List<String> factFiles,
      List<String> tsvFiles) {
    public Summary {
      factsPerType = Collections.unmodifiableMap(new LinkedHashMap<>(factsPerType));
      factFiles = List.copyOf(factFiles);
      tsvFiles = List.copyOf(tsvFiles);
    }

    public long facts() {
      return factsPerType.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The generated types a rules folder declares: what a corpus for it would hold. */
  public static List<String> writtenTypes(Vocabulary vocabulary) {
    return new Projection(vocabulary).writtenTypes();
  }

  /**
   * Generates into {@code out}, replacing an earlier generation there.
   *
   * @param known where the theses the rules argue, and the questions they rate, are copied from
   *     (others are ignored)
   * @param arguments the command line, recorded in the output folder's marker file
   */
  public static Summary generate(
      Settings settings,
      Vocabulary vocabulary,
      dev.thesis.facts.Corpus known,
      Path out,
      String arguments)
      throws ForeignOutputException, IOException {
    Companies companies = new Companies(settings.companies(), settings.seed());
    CompanyFacts facts = new CompanyFacts(companies);
    Projection projection = new Projection(vocabulary);
    OutputFolder.prepare(out, arguments);

    Map<String, long[]> counts = new LinkedHashMap<>();
    projection.writtenTypes().forEach(t -> counts.put(t, new long[1]));
    List<String> files = new ArrayList<>();
    int width = fileNumberWidth(settings);
    List<Fact> anchors = facts.anchors();
    int anchorCount = (int) anchors.stream().filter(f -> projection.writes(f.type())).count();
    TsvWriter tsv = settings.tsv() ? new TsvWriter(out, projection) : null;
    try {
      long next = 1;
      for (int file = 1; next <= settings.companies(); file++) {
        boolean first = file == 1;
        long budget = settings.factsPerFile() - (first ? anchorCount : 0);
        long last = next - 1;
        for (long used = 0; last < settings.companies(); last++) {
          int n = facts.count(last + 1, projection::writes);
          if (last >= next && used + n > budget) {
            break;
          }
          used += n;
        }
        String source = String.format(java.util.Locale.ROOT, "gen-%0" + width + "d", file);
        String text =
            "Synthetic facts, true of no real company, written by thesis generate with seed "
                + settings.seed()
                + ": the facts of companies "
                + companies.name(next)
                + " to "
                + companies.name(last)
                + (first
                    ? ", and of openai and anthropic (the labs the seed corpus's motifs are drawn around)"
                    : "")
                + ".";
        files.add(source + ".json");
        try (FactFileWriter w =
            new FactFileWriter(
                out.resolve(source + ".json"),
                source,
                text,
                "thesis generate --companies "
                    + settings.companies()
                    + " --seed "
                    + settings.seed(),
                first ? argued(known, vocabulary) : List.of(),
                first ? rated(known, vocabulary) : List.of())) {
          if (first) {
            write(anchors, w, source, projection, tsv, counts);
          }
          for (long c = next; c <= last; c++) {
            int written = write(facts.of(c), w, source, projection, tsv, counts);
            if (written != facts.count(c, projection::writes)) {
              throw new IllegalStateException(
                  "company "
                      + c
                      + ": wrote "
                      + written
                      + " facts, planned "
                      + facts.count(c, projection::writes));
            }
          }
        }
        next = last + 1;
      }
    } finally {
      if (tsv != null) {
        tsv.close();
      }
    }
    Map<String, Long> perType = new LinkedHashMap<>();
    counts.forEach((type, n) -> perType.put(type, n[0]));
    return new Summary(
        settings.companies(), perType, files, tsv == null ? List.of() : tsv.fileNames());
  }

  private static int write(
      List<Fact> facts,
      FactFileWriter w,
      String source,
      Projection projection,
      TsvWriter tsv,
      Map<String, long[]> counts)
      throws IOException {
    int n = 0;
    for (Fact f : facts) {
      boolean[] keep = projection.fields(f);
      if (keep == null) {
        continue;
      }
      w.fact(f, source, keep);
      if (tsv != null) {
        tsv.fact(f);
      }
      counts.get(f.type())[0]++;
      n++;
    }
    return n;
  }

  /** The questions the rules rate, without their sources (the generated corpus has none). */
  private static List<dev.thesis.facts.Question> rated(
      dev.thesis.facts.Corpus known, Vocabulary vocabulary) {
    Set<String> theses = new java.util.HashSet<>();
    known.theses().forEach(t -> theses.add(t.id()));
    return known.questions().stream()
        .filter(q -> vocabulary.questions().contains(q.id()))
        .filter(q -> theses.containsAll(q.hypotheses()))
        .map(
            q ->
                new dev.thesis.facts.Question(
                    q.id(),
                    q.title(),
                    q.claim(),
                    null,
                    q.hypotheses(),
                    q.priors(),
                    q.closed(),
                    q.location(),
                    q.hypothesisAt(),
                    q.priorsAt()))
        .toList();
  }

  /**
   * The theses the rules argue, or that are hypotheses of the questions they rate, in the order
   * given, naming only rivals that are written too; without their sources, which the generated
   * corpus does not have.
   */
  private static List<Thesis> argued(dev.thesis.facts.Corpus known, Vocabulary vocabulary) {
    List<Thesis> theses = known.theses();
    Set<String> argued = new java.util.HashSet<>(vocabulary.theses());
    rated(known, vocabulary).forEach(q -> argued.addAll(q.hypotheses()));
    Set<String> written = new java.util.HashSet<>();
    theses.stream().map(Thesis::id).filter(argued::contains).forEach(written::add);
    List<Thesis> out = new ArrayList<>();
    for (Thesis t : theses) {
      if (written.contains(t.id())) {
        out.add(
            new Thesis(
                t.id(),
                t.title(),
                t.claim(),
                null,
                t.rivals().stream().filter(written::contains).toList(),
                t.location()));
      }
    }
    return out;
  }

  /**
   * Digits in file numbers, enough for the most files there can be (every file but the last holds
   * more than factsPerFile minus one company's facts), so that names sort in order.
   */
  private static int fileNumberWidth(Settings s) {
    long most =
        (s.companies() * CompanyFacts.MAX_PER_COMPANY)
                / (s.factsPerFile() - CompanyFacts.MAX_PER_COMPANY)
            + 2;
    return Math.max(4, Long.toString(most).length());
  }
}
