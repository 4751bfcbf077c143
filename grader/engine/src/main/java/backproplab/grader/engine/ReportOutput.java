package backproplab.grader.engine;

import backproplab.grader.report.GradescopeReporter;
import backproplab.grader.report.Reporters;
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
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a {@link GradingOutcome} into the report files and the console summary. */
public final class ReportOutput {

    /** The file in {@code --out} that records the phase timings of the run (not part of any platform format). */
    public static final String TIMINGS_FILE = "timings.json";

    private ReportOutput() {
    }

    /** The reporters' view of the run. */
    public static RunInfo runInfo(GradingOutcome outcome) {
        RunInfo run = RunInfo.of(outcome.submission())
                .withExecutionSeconds(outcome.timings().totalMillis() / 1000.0)
                .withBackend(outcome.report().backend())
                .withVerdict(outcome.verdict())
                .withNotes(outcome.notes());
        return outcome.seed() == null ? run : run.withSeed(outcome.seed().value(), outcome.seed().origin());
    }

    /**
     * Writes every report file into {@code outDir}, then ends the {@code reports} phase and writes
     * {@value #TIMINGS_FILE}: the wall time of each phase ({@code phasesMillis}), the CPU time this JVM used in each
     * ({@code phasesCpuMillis}) and the CPU time of each process of the run ({@code cpuMillis}), this JVM's whole CPU
     * time among them: for a JVM started for this one grade ({@code grader grade}).
     *
     * @return the console table of the reporters
     */
    public static String writeAllOfThisJvm(GradingOutcome outcome, Path outDir) throws IOException {
        return write(outcome, outDir, true);
    }

    /**
     * Writes every report file and {@value #TIMINGS_FILE} as {@link #writeAllOfThisJvm} does, but without this JVM's
     * whole CPU time, which a JVM that grades many submissions ({@code grader batch}) does not spend on this one.
     *
     * @return the console table of the reporters
     */
    public static String writeAll(GradingOutcome outcome, Path outDir) throws IOException {
        return write(outcome, outDir, false);
    }

    private static String write(GradingOutcome graded, Path outDir, boolean thisJvmIsTheRun) throws IOException {
        GradingOutcome outcome = withoutPlantedFiles(graded, outDir);
        String table = Reporters.writeAll(outcome.report(), runInfo(outcome), outDir);
        outcome.timings().lap("reports");
        if (thisJvmIsTheRun) {
            outcome.timings().cpuOfThisJvm("grader JVM");
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode timings = mapper.createObjectNode();
        timings.put("status", outcome.verdict().status());
        ObjectNode phases = timings.putObject("phasesMillis");
        outcome.timings().phases().forEach(phases::put);
        timings.put("totalMillis", outcome.timings().totalMillis());
        ObjectNode phaseCpu = timings.putObject("phasesCpuMillis");
        outcome.timings().phaseCpu().forEach(phaseCpu::put);
        ObjectNode cpu = timings.putObject("cpuMillis");
        outcome.timings().cpu().forEach(cpu::put);
        ObjectNode classData = timings.putObject("classDataSharing");
        outcome.timings().classData().forEach(classData::put);
        Files.writeString(outDir.resolve(TIMINGS_FILE), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(timings) + "\n",
                StandardCharsets.UTF_8);
        return table;
    }

    /**
     * Removes what someone else wrote into the output folder during the grade ({@link PlantedFiles}), before the
     * grader writes its own files there, and adds a tampering note when there was anything.
     */
    private static GradingOutcome withoutPlantedFiles(GradingOutcome outcome, Path outDir) {
        long since = System.currentTimeMillis() - outcome.timings().totalMillis();
        Set<Path> pictures = outcome.report().tests().stream().flatMap(test -> test.images().stream())
                .map(png -> png.toAbsolutePath().normalize()).collect(Collectors.toSet());
        String note = PlantedFiles.note(PlantedFiles.remove(outDir, since, pictures));
        if (note.isEmpty()) {
            return outcome;
        }
        List<String> notes = new ArrayList<>(outcome.notes());
        notes.add(0, note);
        return new GradingOutcome(outcome.report(), outcome.verdict(), outcome.submission(), outcome.timings(), notes,
                outcome.seed());
    }

    /** The console: the reporters' table, the status line, the backend and the phase timings. */
    public static void printConsole(GradingOutcome outcome, String table, PrintWriter out) {
        out.print(table.endsWith("\n") ? table : table + "\n");
        out.println(StatusLine.of(outcome.verdict()));
        out.println("Timings: " + outcome.timings().line());
        out.flush();
    }

    /** The console when the reporters failed: the status line, one line per test, the total and the timings. */
    public static void printFallbackConsole(GradingOutcome outcome, PrintWriter out) {
        GradeReport report = outcome.report();
        out.println("Backprop Lab grade: " + outcome.submission());
        out.println(StatusLine.of(outcome.verdict()));
        for (TestOutcome test : report.tests()) {
            out.printf(Locale.ROOT, "  %-9s %6.2f / %-6.2f %s%n", test.status(), test.score(), test.points(), test.displayName());
        }
        out.printf(Locale.ROOT, "Score: %.2f / %.2f%n", report.score(), report.maxScore());
        out.println("Timings: " + outcome.timings().line());
        out.flush();
    }

    /**
     * Last resort when the reporters failed: a minimal Gradescope {@code results.json} that says so.
     *
     * @return whether it could be written
     */
    public static boolean writeMinimalResults(Path outDir, String problem) {
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
