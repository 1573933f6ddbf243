package dev.thesis.report;

import dev.thesis.analysis.EvaluationResult;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * report.html: one self-contained file (styles inlined, no script, nothing fetched), rendered with
 * jte templates compiled at build time. jte escapes each value for where it lands (text,
 * attribute), so nothing from the inputs can become markup.
 */
public final class HtmlReport {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private HtmlReport() {}

  public static String render(EvaluationResult r) {
    StringOutput out = new StringOutput();
    ENGINE.render("report.jte", HtmlView.of(r), out);
    return out.toString();
  }
}
