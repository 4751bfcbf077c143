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
 * rules, why the submission could not be graded, the grader's error) and one for the notes; then an overview, one
 * row per exercise in the course's order ({@code ExerciseView}) with its points earned and possible and a bar; then
 * one section per exercise in that order. Within an exercise the tests that lost points come first, each as a card
 * with its number, name, task, points and status, the student method its message names, the message (expected
 * versus actual, in a {@code <pre>}), where the notes explain it ({@code FailureNotes}), the PNGs the test attached
 * (loss curves, decision boundaries) embedded as {@code data:image/png;base64} images with their captions, and the
 * captured output in a collapsed {@code <details>}; then a table of the tests that earned full marks. Hidden tests
 * are shown in full with a "hidden" badge: this page is for instructors and for students once results are
 * released.
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
            "figcaption { max-width: 36em; }",
            ".bar { display: inline-block; width: 12em; height: 0.8em; background: #eaeef2; border-radius: 0.4em; }",
            ".bar span { display: block; height: 100%; background: #1a7f37; border-radius: 0.4em; }",
            ".bar.some span { background: #9a6700; }",
            ".bar.none span { background: #cf222e; }",
            "td.num { text-align: right; white-space: nowrap; }",
            "article.failure { border: 1px solid #d0d7de; border-left: 0.3em solid #cf222e; padding: 0.3em 1em; "
                    + "margin: 0 0 1em; }",
            "article.failure.partial { border-left-color: #9a6700; }",
            "article.failure h4 { margin: 0.4em 0; }",
            ".label { color: #59636e; }",
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
        List<ExerciseView> exercises = ExerciseView.of(report);
        if (exercises.isEmpty()) {
            html.element("p", problem.noTests());
        } else {
            overview(html, exercises);
        }
        for (ExerciseView exercise : exercises) {
            exercise(html, exercise);
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
        if (!run.seedLine().isEmpty()) {
            fact(html, "Hidden inputs", run.seedLine());
        }
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

    private static void overview(XmlWriter html, List<ExerciseView> exercises) {
        html.open("section").attribute("id", "overview");
        html.element("h2", "Overview");
        html.element("p", "One row per exercise, in the order of the course. Start with the first exercise that "
                + "lost points: later exercises build on it.");
        html.open("table");
        html.open("thead");
        html.open("tr");
        for (String column : List.of("Exercise", "Points", "", "Tests with full marks")) {
            html.element("th", column);
        }
        html.close();
        html.close();
        html.open("tbody");
        for (ExerciseView exercise : exercises) {
            html.open("tr");
            html.open("td").openInline("a").attribute("href", "#" + exerciseId(exercise))
                    .text(exercise.exercise()).closeInline().closeInline();
            boolean weighed = exercise.carriesPoints();
            html.open("td").attribute("class", "num").text(weighed
                    ? Points.format(exercise.score()) + " / " + Points.format(exercise.maxScore()) : "-").closeInline();
            html.open("td");
            if (weighed) {
                bar(html, exercise.fraction());
            }
            html.closeInline();
            html.element("td", exercise.passed().size() + " of " + exercise.testCount());
            html.close();
        }
        html.close();
        html.close();
        html.close();
    }

    private static void bar(XmlWriter html, double fraction) {
        String level = fraction >= 1.0 ? "full" : fraction > 0.0 ? "some" : "none";
        String percent = String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
        html.openInline("span").attribute("class", "bar " + level).attribute("title", percent)
                .attribute("role", "img").attribute("aria-label", percent + " of the points");
        html.openInline("span").attribute("style", "width: " + percent).closeInline();
        html.closeInline();
    }

    private static String exerciseId(ExerciseView exercise) {
        return exercise.graded() ? "exercise-" + exercise.exercise() : "ungraded";
    }

    private static void exercise(XmlWriter html, ExerciseView exercise) {
        html.open("section").attribute("class", "exercise").attribute("id", exerciseId(exercise));
        html.open("h2").text(exercise.exercise() + " ");
        if (exercise.graded()) {
            html.openInline("span").attribute("class", "badge")
                    .text(Points.format(exercise.score()) + " / " + Points.format(exercise.maxScore())).closeInline();
        }
        html.closeInline();
        if (exercise.graded()) {
            html.open("p").attribute("class", "label").text("Tasks: " + String.join(" · ", exercise.tasks().stream()
                    .map(t -> t.task() + " " + Points.format(t.score()) + " / " + Points.format(t.maxScore()))
                    .toList())).closeInline();
        }
        if (!exercise.toFix().isEmpty()) {
            html.element("h3", (exercise.graded() ? "Lost points" : "Did not pass") + " (" + exercise.toFix().size()
                    + (exercise.toFix().size() == 1 ? " test)" : " tests)"));
            exercise.toFix().forEach(numbered -> failure(html, numbered));
        }
        if (!exercise.passed().isEmpty()) {
            html.element("h3", (exercise.graded() ? "Full marks" : "Passed") + " (" + exercise.passed().size()
                    + (exercise.passed().size() == 1 ? " test)" : " tests)"));
            passedTable(html, exercise.passed());
        }
        html.close();
    }

    private static void failure(XmlWriter html, ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        boolean partial = test.score() > 0;
        html.open("article").attribute("class", partial ? "failure partial" : "failure")
                .attribute("id", "test-" + numbered.number());
        html.open("h4").text(numbered.number() + " " + test.displayName() + " ");
        if (!StudentView.shown(test)) {
            html.openInline("span").attribute("class", "badge").text(test.visibility().spelling()).closeInline();
        }
        html.closeInline();
        html.open("p").attribute("class", "label").text((test.graded() ? test.task() + " · "
                + Points.format(test.score()) + " / " + Points.format(test.points()) + " points · " : "")
                + status(test)).closeInline();
        FailureNotes notes = FailureNotes.of(test.message());
        notes.method().ifPresent(method -> {
            html.open("p").text("Method: ");
            html.openInline("code").text(method).closeInline();
            html.closeInline();
        });
        if (!test.message().isEmpty()) {
            html.element("pre", test.message());
        }
        for (String note : notes.notes()) {
            html.open("p").text("Read in the notes: ");
            html.openInline("code").text(FailureNotes.file(note)).closeInline();
            FailureNotes.section(note).ifPresent(section -> html.text(", section \u201c" + section + "\u201d"));
            html.closeInline();
        }
        for (Path png : test.images()) {
            image(html, png);
        }
        output(html, test);
        html.close();
    }

    private static void passedTable(XmlWriter html, List<ReportLayout.NumberedTest> tests) {
        html.open("table");
        html.open("thead");
        html.open("tr");
        for (String column : List.of("#", "Test", "Task", "Points", "Status")) {
            html.element("th", column);
        }
        html.close();
        html.close();
        html.open("tbody");
        for (ReportLayout.NumberedTest numbered : tests) {
            TestOutcome test = numbered.test();
            html.open("tr").attribute("class", test.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .attribute("id", "test-" + numbered.number());
            html.element("td", numbered.number());
            html.open("td").text(test.displayName());
            if (!StudentView.shown(test)) {
                html.text(" ");
                html.openInline("span").attribute("class", "badge").text(test.visibility().spelling()).closeInline();
            }
            if (!test.message().isEmpty() || !test.output().isEmpty() || !test.images().isEmpty()) {
                if (!test.message().isEmpty()) {
                    html.element("pre", test.message());
                }
                for (Path png : test.images()) {
                    image(html, png);
                }
                output(html, test);
                html.close();
            } else {
                html.closeInline();
            }
            html.element("td", test.graded() ? test.task() : "-");
            html.element("td", test.graded() ? Points.format(test.score()) + " / " + Points.format(test.points()) : "-");
            html.open("td").attribute("class", "status").text(status(test)).closeInline();
            html.close();
        }
        html.close();
        html.close();
    }

    private static String status(TestOutcome test) {
        String status = test.status().name().replace('_', ' ');
        return test.passed() && test.score() < test.points() ? status + " (partial)" : status;
    }

    private static void output(XmlWriter html, TestOutcome test) {
        if (!test.output().isEmpty()) {
            html.open("details");
            html.element("summary", "Output");
            html.element("pre", test.output());
            html.close();
        }
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
        html.element("figcaption", PngImages.caption(png).map(caption -> label + ": " + caption).orElse(label));
        html.close();
    }
}
