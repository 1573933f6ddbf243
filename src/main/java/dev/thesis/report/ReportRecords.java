package dev.thesis.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thesis.analysis.Argument;
import dev.thesis.analysis.EvaluationResult;
import dev.thesis.analysis.ThesisVerdict;
import dev.thesis.facts.BoundFact;
import dev.thesis.facts.FactRecord;
import dev.thesis.report.json.ConclusionEntry;
import dev.thesis.report.json.FactEntry;
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
    return new Report(
        Report.FORMAT,
        r.inputFiles().stream()
            .map(f -> new Report.Input(f.kind(), f.name(), f.file(), f.sha256()))
            .toList(),
        new Report.Thresholds(r.thresholds().support(), r.thresholds().opposition()),
        r.verdicts().stream().map(v -> thesis(v, r)).toList(),
        r.tensions().stream().map(t -> new Report.Tension(t.a(), t.b(), t.why())).toList(),
        r.conclusions().stream().map(c -> conclusion(c, r)).toList(),
        r.facts().stream().map(ReportRecords::fact).toList(),
        r.corpus().sources().stream()
            .map(s -> new Report.Source(s.id(), s.text(), s.origin(), s.date()))
            .toList(),
        r.rules().rules().stream().map(rule -> rule(rule, r.firings(rule))).toList());
  }

  private static ThesisEntry thesis(ThesisVerdict v, EvaluationResult r) {
    String id = v.thesis().id();
    return new ThesisEntry(
        id,
        v.thesis().title(),
        v.thesis().claim(),
        v.thesis().source(),
        v.verdict().name(),
        Numbers.round4(v.support()),
        Numbers.round4(v.opposition()),
        v.forArguments().stream().map(Argument::conclusion).toList(),
        v.againstArguments().stream().map(Argument::conclusion).toList(),
        v.rivals(),
        List.copyOf(r.thesisSources(id)),
        r.thesisSingleSource(id),
        r.critical(id).stream()
            .map(c -> new ThesisEntry.Critical(c.facts(), c.flipsTo()))
            .toList());
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

  private static RuleEntry rule(RuleInfo r, int fired) {
    return new RuleEntry(
        r.name(),
        r.location().file(),
        r.location().line(),
        r.argues() ? r.thesis() : null,
        r.argues() ? r.stance().label() : null,
        r.strength(),
        fired);
  }
}
