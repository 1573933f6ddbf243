package dev.thesis.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.analysis.Argument;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.QuestionVerdict;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.FactRecord;
import dev.thesis.report.json.ConclusionEntry;
import dev.thesis.report.json.FactEntry;
import dev.thesis.report.json.QuestionEntry;
import dev.thesis.report.json.Report;
import dev.thesis.report.json.RuleEntry;
import dev.thesis.report.json.ThesisEntry;
import dev.thesis.rules.RuleInfo;
import dev.thesis.trace.Conclusion;
import dev.thesis.trace.Justification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation as report.json's records. Every list keeps the evaluation's fixed order and every
 * score is rounded to four decimals, so the same inputs give the same records.
 */
final class ReportRecords {
  private ReportRecords() {}

  static Report of(EvaluationResult r) {
    java.util.Map<String, String> bodies = new java.util.HashMap<>();
    r.rules().shapes().forEach(s -> bodies.put(s.packageName() + "." + s.name(), s.body()));
    return new Report(
        Report.FORMAT,
        r.inputFiles().stream()
            .map(f -> new Report.Input(f.kind(), f.name(), f.file(), f.sha256()))
            .toList(),
        new Report.Thresholds(
            r.thresholds().support(), r.thresholds().opposition(), r.thresholds().odds()),
        r.verdicts().stream().map(v -> thesis(v, r)).toList(),
        r.tensions().stream().map(t -> new Report.Tension(t.a(), t.b(), t.why())).toList(),
        r.questions().stream().map(q -> question(q, r)).toList(),
        r.conclusions().stream().map(c -> conclusion(c, r)).toList(),
        r.facts().stream().map(ReportRecords::fact).toList(),
        r.corpus().sources().stream()
            .map(s -> new Report.Source(s.id(), s.text(), s.origin(), s.date()))
            .toList(),
        r.rules().rules().stream()
            .map(rule -> rule(rule, r.firings(rule), bodies.get(rule.qualifiedName())))
            .toList());
  }

  private static ThesisEntry thesis(ThesisVerdict v, EvaluationResult r) {
    String id = v.thesis().id();
    return new ThesisEntry(
        id,
        v.thesis().title(),
        v.thesis().claim(),
        v.thesis().source(),
        v.verdict().name(),
        v.question(),
        v.posterior() == null ? null : Numbers.round4(v.posterior()),
        Numbers.round4(v.support()),
        Numbers.round4(v.opposition()),
        v.forArguments().stream().map(Argument::conclusion).toList(),
        v.againstArguments().stream().map(Argument::conclusion).toList(),
        v.rivals(),
        List.copyOf(r.thesisSources(id)),
        r.thesisSingleSource(id),
        v.untested(),
        v.unchallenged(),
        r.critical(id).stream()
            .map(c -> new ThesisEntry.Critical(c.facts(), c.flipsTo()))
            .toList());
  }

  private static QuestionEntry question(QuestionVerdict q, EvaluationResult r) {
    return new QuestionEntry(
        q.id(),
        q.question().title(),
        q.verdict().name(),
        q.incomplete(),
        q.leader(),
        q.runnerUp(),
        Numbers.round4(q.odds()),
        q.other() == null ? null : Numbers.round4(q.other()),
        q.hypotheses().stream()
            .map(
                h ->
                    new QuestionEntry.Hypothesis(
                        h.id(), Numbers.round4(h.posterior()), h.verdict().name(), h.untested()))
            .toList(),
        q.evidence().stream().map(ReportRecords::evidence).toList(),
        r.critical(q.id()).stream()
            .map(c -> new QuestionEntry.Critical(c.facts(), c.flipsTo(), c.leader()))
            .toList(),
        q.linchpins().stream()
            .map(
                l ->
                    new QuestionEntry.Linchpin(
                        l.rule(),
                        l.change().label(),
                        l.hypothesis(),
                        l.from() == null ? null : l.from().name(),
                        l.to() == null ? null : l.to().name(),
                        l.verdict().name(),
                        l.leader()))
            .toList(),
        Numbers.round4(q.priorShift()),
        q.next().stream()
            .map(
                n ->
                    new QuestionEntry.Next(
                        n.rule().name(),
                        n.rule().location().file(),
                        n.rule().location().line(),
                        Numbers.round4(n.discrimination()),
                        n.favours()))
            .toList());
  }

  private static QuestionEntry.Evidence evidence(QuestionVerdict.Evidence e) {
    Map<String, String> ratings = new LinkedHashMap<>();
    e.ratings().forEach((h, rating) -> ratings.put(h, rating.name()));
    Map<String, Double> weights = new LinkedHashMap<>();
    e.weights().forEach((h, w) -> weights.put(h, Numbers.round4(w)));
    return new QuestionEntry.Evidence(
        e.rule().name(),
        e.rule().location().file(),
        e.rule().location().line(),
        Numbers.round4(e.confidence()),
        ratings,
        e.unrated(),
        weights,
        Numbers.round4(e.diagnosticity()),
        e.conclusions(),
        e.sharesPremisesWith());
  }

  private static ConclusionEntry conclusion(Conclusion c, EvaluationResult r) {
    List<Argument> args = r.argumentsOf(c.id());
    Argument first = args.isEmpty() ? null : args.get(0);
    // Rules of several theses justify it: each role, with its own confidence.
    List<ConclusionEntry.Role> roles =
        args.size() < 2
            ? null
            : args.stream()
                .map(
                    a ->
                        new ConclusionEntry.Role(
                            a.thesis(), a.stance().label(), Numbers.round4(a.confidence())))
                .toList();
    return new ConclusionEntry(
        c.id(),
        c.type(),
        c.fields(),
        Numbers.round4(r.confidenceOf(c.id())),
        r.singleSource(c.id()),
        r.cyclic(c.id()),
        first == null ? null : first.thesis(),
        first == null ? null : first.stance().label(),
        roles,
        c.justifications().stream().map(ReportRecords::justification).toList());
  }

  private static ConclusionEntry.Justification justification(Justification j) {
    RuleInfo rule = j.rule();
    return new ConclusionEntry.Justification(
        new ConclusionEntry.RuleRef(rule.name(), rule.location().file(), rule.location().line()),
        j.bindings(),
        j.premises());
  }

  private static FactEntry fact(BoundFact f) {
    FactRecord record = f.record();
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    record.fields().forEach((k, v) -> fields.put(k, v.value()));
    return new FactEntry(
        record.id(),
        record.type(),
        fields,
        record.location().file(),
        record.location().line(),
        record.source(),
        Numbers.round4(record.confidence()),
        record.date(),
        record.note());
  }

  private static RuleEntry rule(RuleInfo r, int fired, String body) {
    return new RuleEntry(
        r.name(),
        r.location().file(),
        r.location().line(),
        r.argues() ? r.thesis() : null,
        r.argues() ? r.stance().label() : null,
        r.ratesQuestion() ? r.rates().question() : null,
        r.ratesQuestion() ? ratings(r.rates().ratings()) : null,
        r.strength(),
        fired,
        body);
  }

  private static java.util.Map<String, String> ratings(
      java.util.Map<String, dev.thesis.rules.Rating> rates) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    rates.forEach((h, r) -> out.put(h, r.name()));
    return out;
  }
}
