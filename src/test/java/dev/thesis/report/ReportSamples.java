package dev.thesis.report;

import dev.thesis.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * report.json files for the format tests: the seed corpus as the CLI writes it, and a small corpus
 * with every optional field.
 */
final class ReportSamples {
  private ReportSamples() {}

  /**
   * The seed corpus evaluated by {@code thesis evaluate} (critical evidence included), extra
   * options after (--rules and --facts to evaluate another corpus).
   */
  static Path seed(Path out, String... options) {
    return evaluate(out, options);
  }

  /**
   * The question worked by hand ({@link dev.thesis.QuestionFixtures}) evaluated by {@code thesis
   * evaluate}, critical evidence included, extra options after.
   */
  static Path questions(Path out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--rules",
                dev.thesis.QuestionFixtures.RULES.toString(),
                "--facts",
                dev.thesis.QuestionFixtures.FACTS.toString()));
    args.addAll(List.of(options));
    return evaluate(out, args.toArray(String[]::new));
  }

  /** {@code thesis evaluate --format json --out OUT} with these options. */
  static Path evaluate(Path out, String... options) {
    List<String> args =
        new ArrayList<>(List.of("evaluate", "--format", "json", "--out", out.toString()));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    int code =
        dev.thesis.cli.Main.run(
            args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (code != 0) {
      throw new AssertionError("evaluate exited " + code + ": " + err);
    }
    return out.resolve("report.json");
  }

  /**
   * A corpus whose report has what the seed's lacks: a conclusion argued by two theses, a dated
   * source, a source without origin, a thesis without claim, numbers and booleans in fields.
   */
  static String everyOptionalField(Path dir) throws Exception {
    Fixtures.write(
        dir,
        "facts/corpus.json",
        """
        {
          "sources": [
            {"id": "s1", "text": "A funds B.", "origin": "memo", "date": "2023-05-01"},
            {"id": "s2", "text": "B runs on A."}
          ],
          "theses": [
            {"id": "t1", "title": "One", "claim": "c1", "source": "s1", "rivals": ["t2"]},
            {"id": "t2", "title": "Two", "rivals": ["t1"]}
          ],
          "facts": [
            {"id": "f1", "type": "Investment", "source": "s1", "confidence": 0.9, "date": "2023-05-01", "note": "n",
             "investor": "a", "investee": "b", "amount": 12, "big": true},
            {"id": "f2", "type": "CloudSpend", "source": "s2", "confidence": 0.333333, "lab": "b", "provider": "a"}
          ]
        }
        """);
    Fixtures.write(
        dir,
        "rules/two.drl",
        """
        package two;

        declare Investment
            investor : String
            investee : String
            amount   : int
            big      : boolean
        end
        declare CloudSpend
            lab      : String
            provider : String
        end
        declare RoundTrip
            investor : String @key
            lab      : String @key
            weight   : double
        end

        rule "Money comes back" @thesis("t1") @stance("supports") @strength(0.7)
        when
            Investment( $i : investor, $l : investee, $n : amount )
            CloudSpend( lab == $l, provider == $i )
        then
            insertLogical( new RoundTrip( $i, $l, 0.25 ) );
        end

        rule "Money comes back, seen the other way" @thesis("t2") @stance("opposes") @strength(0.4)
        when
            Investment( $i : investor, $l : investee )
            CloudSpend( lab == $l, provider == $i )
        then
            insertLogical( new RoundTrip( $i, $l, 0.25 ) );
        end
        """);
    return JsonReport.render(
        dev.thesis.Fixtures.evaluator()
            .evaluate(Fixtures.load(dir.resolve("rules"), dir.resolve("facts"))));
  }
}
