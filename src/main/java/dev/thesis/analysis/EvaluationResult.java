package dev.thesis.analysis;

import dev.thesis.facts.BoundFact;
import dev.thesis.facts.Corpus;
import dev.thesis.inputs.InputFile;
import dev.thesis.rules.RuleBook;
import dev.thesis.rules.RuleInfo;
import dev.thesis.trace.Conclusion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything an evaluation found, as plain data: what renderers and explanations read. Nothing in
 * here refers to the engine: the rules are kept as their readers see them ({@link RuleBook}), not
 * as a knowledge base. Lookups by id use indexes built once, so they stay constant time however
 * large the corpus; what a conclusion rests on is {@link Provenance}'s to work out.
 */
public final class EvaluationResult {
  private final Evaluated evaluated;
  private final Map<String, List<CriticalSet>> critical;
  private final IdGraph graph;
  private final Provenance provenance;

  /** The arguments by conclusion id, built when first asked (reports ask for every conclusion). */
  private volatile Map<String, List<Argument>> argumentsByConclusion;

  /**
   * What the evaluator produced.
   *
   * @param confidence of every fact and conclusion, by id
   * @param firings how often each rule fired, by qualified name ({@code package.name})
   * @param inputFiles every file read, with the SHA-256 of its bytes
   */
  record Evaluated(
      Corpus corpus,
      RuleBook rules,
      List<BoundFact> facts,
      List<Conclusion> conclusions,
      Map<String, Double> confidence,
      List<Argument> arguments,
      List<ThesisVerdict> verdicts,
      List<Tension> tensions,
      List<QuestionVerdict> questions,
      EvidenceRules evidenceRules,
      Thresholds thresholds,
      Map<String, Integer> firings,
      List<InputFile> inputFiles) {}

  /**
   * @param graph the facts and conclusions of {@code evaluated}, numbered (its lookups by id)
   */
  EvaluationResult(Evaluated evaluated, IdGraph graph) {
    this.evaluated = evaluated;
    this.critical = Map.of();
    this.graph = graph;
    this.provenance = new Provenance(graph);
  }

  private EvaluationResult(EvaluationResult base, Map<String, List<CriticalSet>> critical) {
    this.evaluated = base.evaluated;
    this.critical = Map.copyOf(critical);
    this.graph = base.graph;
    this.provenance = base.provenance;
    this.argumentsByConclusion = base.argumentsByConclusion;
  }

  /** This result with the critical evidence found for it. */
  public EvaluationResult withCritical(Map<String, List<CriticalSet>> found) {
    return new EvaluationResult(this, found);
  }

  public Corpus corpus() {
    return evaluated.corpus();
  }

  public RuleBook rules() {
    return evaluated.rules();
  }

  public List<BoundFact> facts() {
    return evaluated.facts();
  }

  public List<Conclusion> conclusions() {
    return evaluated.conclusions();
  }

  /** The confidence of every fact and conclusion, by id. */
  public Map<String, Double> confidence() {
    return evaluated.confidence();
  }

  public List<Argument> arguments() {
    return evaluated.arguments();
  }

  public List<ThesisVerdict> verdicts() {
    return evaluated.verdicts();
  }

  public List<Tension> tensions() {
    return evaluated.tensions();
  }

  /** Every question of the corpus, weighed, in file order. */
  public List<QuestionVerdict> questions() {
    return evaluated.questions();
  }

  public Optional<QuestionVerdict> question(String id) {
    return questions().stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The rules that bear on the corpus's questions, resolved. */
  public EvidenceRules evidenceRules() {
    return evaluated.evidenceRules();
  }

  /** Where each thesis and each question stands, by id: what critical evidence changes. */
  public Map<String, Standing> standings() {
    Map<String, Standing> out = new HashMap<>();
    verdicts().forEach(v -> out.put(v.thesis().id(), Standing.of(v.verdict())));
    questions().forEach(q -> out.put(q.id(), q.standing()));
    return out;
  }

  public Thresholds thresholds() {
    return evaluated.thresholds();
  }

  /** How often each rule fired, by qualified name ({@code package.name}). */
  public Map<String, Integer> firings() {
    return evaluated.firings();
  }

  public List<InputFile> inputFiles() {
    return evaluated.inputFiles();
  }

  /**
   * Per thesis or question id, the smallest fact sets whose removal changes its verdict (or a
   * question's favoured leader); empty when that analysis was not asked for.
   */
  public Map<String, List<CriticalSet>> critical() {
    return critical;
  }

  public List<CriticalSet> critical(String thesisId) {
    return critical.getOrDefault(thesisId, List.of());
  }

  /** The sources of the facts an id rests on. */
  public SortedSet<String> sourcesUnder(String id) {
    return provenance.sourcesUnder(id);
  }

  /** The sources a thesis's arguments, for and against, rest on. */
  public SortedSet<String> thesisSources(String thesisId) {
    return sourcesOf(verdict(thesisId).map(ThesisVerdict::arguments).orElse(List.of()));
  }

  /** Whether everything a conclusion rests on comes from one source. */
  public boolean singleSource(String conclusionId) {
    return sourcesUnder(conclusionId).size() == 1;
  }

  /** The sources a thesis's support (its arguments for) rests on. */
  public SortedSet<String> supportSources(String thesisId) {
    return sourcesOf(verdict(thesisId).map(ThesisVerdict::forArguments).orElse(List.of()));
  }

  private SortedSet<String> sourcesOf(List<Argument> arguments) {
    TreeSet<String> out = new TreeSet<>();
    arguments.forEach(a -> out.addAll(sourcesUnder(a.conclusion())));
    return out;
  }

  /** Whether the support for a thesis comes from one source only. */
  public boolean thesisSingleSource(String thesisId) {
    return supportSources(thesisId).size() == 1;
  }

  /**
   * Whether some justification of a conclusion supports it only through itself ({@link
   * Provenance#cyclic}).
   */
  public boolean cyclic(String conclusionId) {
    return provenance.cyclic(conclusionId);
  }

  /**
   * The ids of the facts a fact or conclusion rests on, through every justification, transitively.
   */
  public SortedSet<String> factsUnder(String id) {
    return provenance.factsUnder(id);
  }

  public Optional<Conclusion> conclusion(String id) {
    return Optional.ofNullable(graph.conclusion(id));
  }

  public Optional<BoundFact> fact(String id) {
    return Optional.ofNullable(graph.fact(id));
  }

  public Optional<ThesisVerdict> verdict(String thesisId) {
    return verdicts().stream().filter(v -> v.thesis().id().equals(thesisId)).findFirst();
  }

  /** The thesis arguments a conclusion makes (usually none or one). */
  public List<Argument> argumentsOf(String conclusionId) {
    Map<String, List<Argument>> index = argumentsByConclusion;
    if (index == null) {
      Map<String, List<Argument>> built = new HashMap<>();
      for (Argument a : arguments()) {
        built.computeIfAbsent(a.conclusion(), k -> new ArrayList<>(1)).add(a);
      }
      built.replaceAll((k, v) -> List.copyOf(v));
      argumentsByConclusion = index = built;
    }
    return index.getOrDefault(conclusionId, List.of());
  }

  public int firings(RuleInfo rule) {
    return firings().getOrDefault(rule.qualifiedName(), 0);
  }

  public double confidenceOf(String id) {
    return confidence().getOrDefault(id, 0.0);
  }
}
