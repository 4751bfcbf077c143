package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.TestOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page for people, with no scripts and no external resources.
 *
 * <p>A header with the total score, the submission, the backend line, the run time and the test counts;
 * a section for the verdict when there is something to say (compile errors, API differences, the broken structure
 * rules, why the submission could not be graded, the grader's error) and one for the notes; then one table per task
 * ({@link ReportLayout} order) with number, test, points, status and details: the message in a
 * {@code <pre>}, the captured output in a collapsed {@code <details>}, and the PNGs the test attached
 * (loss curves, decision boundaries) embedded as {@code data:image/png;base64} images. Hidden tests are
 * shown in full with a "hidden" badge: this page is for instructors.
 *
 * <p>The page is written as well-formed XHTML (parsable by any XML parser) with an HTML5 doctype, and its
 * CSS is inline.
 */
public final class HtmlReporter implements Reporter {

    /** The file name written. */
    public static final String FILE_NAME = "report.html";

    private static final String CSS = String.join("\n",
            "",
            "body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #1f2328; }",
            "h1 { margin-bottom: 0.2em; }",
            ".total { font-size: 1.6em; font-weight: bold; margin: 0.2em 0 0.6em; }",
            "table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }",
            "th, td { border: 1px solid #d0d7de; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }",
            "table.facts { width: auto; }",
            "table.facts th { background: #f6f8fa; }",
            "thead th { background: #f6f8fa; }",
            "tr.passed td.status { color: #1a7f37; font-weight: bold; }",
            "tr.failed td.status, tr.timed-out td.status, tr.not-run td.status { color: #cf222e; font-weight: bold; }",
            "tr.aborted td.status, tr.skipped td.status { color: #9a6700; font-weight: bold; }",
            "pre { white-space: pre-wrap; margin: 0.2em 0; font-size: 0.9em; }",
            ".badge { font-size: 0.75em; background: #eaeef2; border-radius: 0.8em; padding: 0.1em 0.6em; }",
            ".problem { border-left: 0.3em solid #cf222e; padding-left: 1em; }",
            "figure { display: inline-block; margin: 0.4em 0.8em 0.4em 0; }",
            "img { max-width: 28em; border: 1px solid #d0d7de; }",
            "figcaption, footer { font-size: 0.8em; color: #59636e; }",
            "");

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        XmlWriter html = new XmlWriter().doctype("<!DOCTYPE html>");
        html.open("html").attribute("xmlns", "http://www.w3.org/1999/xhtml").attribute("lang", "en");
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.element("title", "Backprop Lab report: " + run.submission());
        html.element("style", CSS);
        html.close();
        html.open("body");
        header(html, report, run);
        Problem problem = Problem.of(run.verdict());
        problems(html, run, problem);
        List<ReportLayout.Section> sections = ReportLayout.sections(report);
        if (sections.isEmpty()) {
            html.element("p", problem.noTests());
        }
        for (ReportLayout.Section section : sections) {
            section(html, section);
        }
        html.element("footer", "Written by the Backprop Lab grader.");
        html.close();
        html.close();
        return html.finish();
    }

    private static void header(XmlWriter html, GradeReport report, RunInfo run) {
        html.open("header");
        html.element("h1", "Backprop Lab report");
        html.open("p").attribute("class", "total")
                .text(RunSummary.scoreLine(report) + " (" + RunSummary.percent(report) + ")").closeInline();
        html.open("table").attribute("class", "facts");
        fact(html, "Submission", run.submission());
        fact(html, "Backend", run.backendOr(report.backend()));
        fact(html, "Run time", String.format(Locale.ROOT, "%.1f s", run.executionSeconds()));
        fact(html, "Tests", RunSummary.countsLine(report));
        html.close();
        html.close();
    }

    private static void fact(XmlWriter html, String name, String value) {
        html.open("tr");
        html.element("th", name);
        html.element("td", value);
        html.close();
    }

    private static void problems(XmlWriter html, RunInfo run, Problem problem) {
        VerdictText.of(run.verdict()).ifPresent(text -> {
            html.open("section").attribute("class", "problem").attribute("id", problem.id());
            html.element("h2", problem.title());
            html.element("p", text.headline());
            switch (text.layout()) {
                case LINES -> html.element("pre", text.body());
                case ITEMS -> list(html, text.details());
                case BLOCKS -> text.details().forEach(block -> html.element("pre", block.stripTrailing()));
            }
            html.close();
        });
        if (!run.notes().isEmpty()) {
            html.open("section").attribute("id", "notes");
            html.element("h2", "Notes");
            list(html, run.notes());
            html.close();
        }
    }

    /**
     * How the page shows the verdict: the section's id and title (used only when the verdict has a text) and the
     * line shown instead of the task tables when no test is listed.
     */
    private record Problem(String id, String title, String noTests) {

        static Problem of(Verdict verdict) {
            return verdict.accept(new Verdict.Cases<>() {
                @Override
                public Problem graded(Verdict.Graded graded) {
                    return new Problem("api", "API mismatches", "No tests ran.");
                }

                @Override
                public Problem apiMismatch(Verdict.ApiMismatch mismatch) {
                    return new Problem("api", "API mismatch", "No tests ran.");
                }

                @Override
                public Problem didNotCompile(Verdict.DidNotCompile failure) {
                    return new Problem("compile", "Compilation failed", "No tests ran because the code did not compile.");
                }

                @Override
                public Problem refused(Verdict.Refused refusal) {
                    return new Problem("refused", "Submission refused: structure rules broken",
                            "No tests ran because the submission was refused.");
                }

                @Override
                public Problem invalidSubmission(Verdict.InvalidSubmission invalid) {
                    return new Problem("invalid", "Submission could not be graded",
                            "No tests ran because the submission could not be graded.");
                }

                @Override
                public Problem graderFailed(Verdict.GraderFailed failure) {
                    return new Problem("grader-error", "Grader failed", "No tests ran because the grader failed.");
                }
            });
        }
    }

    private static void list(XmlWriter html, List<String> items) {
        html.open("ul");
        items.forEach(item -> html.element("li", item));
        html.close();
    }

    private static void section(XmlWriter html, ReportLayout.Section section) {
        html.open("section").attribute("class", "task").attribute("id", "task-" + section.number());
        html.open("h2").text(section.number() + ". " + section.task() + " ");
        html.openInline("span").attribute("class", "badge")
                .text(Points.format(section.score()) + " / " + Points.format(section.maxScore())).closeInline();
        html.closeInline();
        html.open("table");
        html.open("thead");
        html.open("tr");
        for (String column : List.of("#", "Test", "Points", "Status", "Details")) {
            html.element("th", column);
        }
        html.close();
        html.close();
        html.open("tbody");
        section.tests().forEach(numbered -> row(html, numbered));
        html.close();
        html.close();
        html.close();
    }

    private static void row(XmlWriter html, ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        html.open("tr").attribute("class", test.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        html.element("td", numbered.number());
        html.open("td").text(test.displayName());
        if (!StudentView.shown(test)) {
            html.text(" ");
            html.openInline("span").attribute("class", "badge").text(test.visibility().spelling()).closeInline();
        }
        html.closeInline();
        html.element("td", test.graded() ? Points.format(test.score()) + " / " + Points.format(test.points()) : "-");
        html.open("td").attribute("class", "status").text(test.status().name().replace('_', ' ')).closeInline();
        html.open("td");
        if (!test.message().isEmpty()) {
            html.element("pre", test.message());
        }
        if (!test.output().isEmpty()) {
            html.open("details");
            html.element("summary", "Output");
            html.element("pre", test.output());
            html.close();
        }
        for (Path png : test.images()) {
            image(html, png);
        }
        html.close();
        html.close();
    }

    private static void image(XmlWriter html, Path png) {
        Optional<String> url = PngImages.dataUrl(png);
        String label = PngImages.label(png);
        if (url.isEmpty()) {
            html.element("p", "Image not available: " + label);
            return;
        }
        html.open("figure");
        html.empty("img", "src", url.get(), "alt", label);
        html.element("figcaption", label);
        html.close();
    }
}
