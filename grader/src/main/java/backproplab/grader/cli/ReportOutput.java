package backproplab.grader.cli;

import backproplab.grader.report.GradescopeReporter;
import backproplab.grader.report.PrairieLearnReporter;
import backproplab.grader.report.RunInfo;
import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link GradingOutcome} into the report files and the console summary. */
final class ReportOutput {

    private ReportOutput() {
    }

    /** The reporters' view of the run. */
    static RunInfo runInfo(GradingOutcome outcome) {
        // RunInfo knows one reason for "not gradable": compile errors. Refusals and grader errors go there too.
        List<String> errors = outcome.problems();
        List<String> apiMismatches = outcome.report().tests().stream()
                .filter(t -> "api".equals(t.task()) && !t.passed())
                .map(TestOutcome::message)
                .toList();
        List<String> notes = new ArrayList<>();
        if (!outcome.message().isBlank()) {
            notes.add(outcome.message());
        }
        notes.addAll(outcome.notes());
        return RunInfo.of(outcome.submission())
                .withExecutionSeconds(outcome.timings().totalMillis() / 1000.0)
                .withBackend(outcome.report().backend())
                .withCompileErrors(errors)
                .withApiMismatches(apiMismatches)
                .withNotes(notes);
    }

    /** Writes every report file into {@code outDir}. */
    static void writeAll(GradingOutcome outcome, Path outDir) throws IOException {
        RunInfo run = runInfo(outcome);
        new GradescopeReporter().write(outcome.report(), run, outDir);
        new PrairieLearnReporter().write(outcome.report(), run, outDir);
    }

    /** The console summary: one line per test, the total, the backend and the phase timings. */
    static void printConsole(GradingOutcome outcome, PrintWriter out) {
        GradeReport report = outcome.report();
        out.println("Backprop Lab grade: " + outcome.submission() + " (" + outcome.status() + ")");
        if (!outcome.message().isBlank()) {
            out.println(outcome.message());
        }
        outcome.problems().forEach(out::println);
        for (TestOutcome test : report.tests()) {
            out.printf(Locale.ROOT, "  %-9s %6.2f / %-6.2f %s%n", test.status(), test.score(), test.points(), test.displayName());
        }
        out.printf(Locale.ROOT, "Score: %.2f / %.2f%n", report.score(), report.maxScore());
        if (!report.backend().isBlank()) {
            out.println("Backend: " + report.backend());
        }
        out.println("Timings: " + outcome.timings().line());
        out.flush();
    }

    /**
     * Last resort when the reporters failed: a minimal Gradescope {@code results.json} that says so.
     *
     * @return whether it could be written
     */
    static boolean writeMinimalResults(Path outDir, String problem) {
        try {
            Files.createDirectories(outDir);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("score", 0.0);
            root.put("output", "The grader could not write its reports; this is not your fault, please tell your instructor. "
                    + problem);
            root.putArray("tests");
            Files.writeString(outDir.resolve(GradescopeReporter.FILE_NAME),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
