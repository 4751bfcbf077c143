package backproplab.grader.engine;

import backproplab.grader.checks.CheckResult;
import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.checks.StructureRules;
import backproplab.grader.checks.SubmissionChecks;
import backproplab.grader.compile.CompileResult;
import backproplab.grader.compile.CompilerJvmTuning;
import backproplab.grader.compile.CompilerProcess;
import backproplab.grader.compile.SubmissionCompiler;
import backproplab.grader.intake.LoadedSubmission;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.intake.SubmissionLoader;
import backproplab.grader.intake.SubmissionRejectedException;
import backproplab.grader.protocol.SuiteSettings;
import backproplab.grader.sandbox.RuntimeClasspath;
import backproplab.grader.sandbox.SandboxLimits;
import backproplab.grader.sandbox.SandboxResult;
import backproplab.grader.sandbox.SandboxRunner;
import backproplab.grader.sandbox.TestJvmTuning;
import backproplab.scoring.GradeCollector;
import backproplab.scoring.GradeReport;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestStatus;
import backproplab.scoring.Visibility;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One grading run, start to finish: load, compile, check the API and the structure rules, run the hidden
 * suites in a forked JVM, and collect everything into a {@link GradingOutcome}. It never throws at a
 * student's mistake; the outcome says what went wrong.
 */
public final class GradingSession {

    /**
     * What a session needs to know.
     *
     * @param suites           packages or classes of hidden suites
     * @param sandbox          limits of the forked run
     * @param submissionLimits caps on the submission's size
     * @param java             the {@code java} executable for the child JVM
     * @param backendInfo      whether the child reports the ND4J backend line
     * @param forkCompiler     whether javac runs in a JVM of its own with the C1 compiler only (half the CPU time)
     *                         rather than in this JVM
     * @param thresholds       an instructor's thresholds file that replaces the suites' defaults, or {@code null}
     * @param pictures         the folder where the suites draw their training pictures, or {@code null} for none
     * @param cds              whether the test JVM and the javac JVM use their class-data archives
     *                         ({@link ClassDataSharing}); building missing ones is the caller's business
     */
    public record Settings(List<String> suites, SandboxLimits sandbox, SubmissionLimits submissionLimits, Path java,
                           boolean backendInfo, boolean forkCompiler, Path thresholds, Path pictures,
                           ClassDataSharing.Mode cds) {

        /** Copies the suites. */
        public Settings {
            suites = List.copyOf(suites);
        }

        /** The settings as the test JVM hands them to the suites ({@link SuiteSettings}). */
        Map<String, String> suiteProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            if (thresholds != null) {
                properties.put(SuiteSettings.THRESHOLDS_FILE, thresholds.toAbsolutePath().toString());
            }
            if (pictures != null) {
                properties.put(SuiteSettings.PICTURES_DIRECTORY, pictures.toAbsolutePath().toString());
            }
            return properties;
        }
    }

    private final Settings settings;
    private final SkeletonApi skeleton;
    private final RuntimeClasspath classpath;
    private final StructureRules rules;

    /**
     * @param settings  what to run and within which limits
     * @param skeleton  the API a submission must provide
     * @param classpath the grader's code and libraries
     * @param rules     static checks on the compiled classes
     */
    public GradingSession(Settings settings, SkeletonApi skeleton, RuntimeClasspath classpath, StructureRules rules) {
        this.settings = settings;
        this.skeleton = skeleton;
        this.classpath = classpath;
        this.rules = rules;
    }

    /**
     * Grades a submission.
     *
     * @param submission a folder or zip
     * @param workDir    an empty folder for unpacked sources, class files and the child's files
     * @return the outcome; its report is complete even when the submission crashed, hung or did not compile
     */
    public GradingOutcome grade(Path submission, Path workDir) {
        return grade(submission, workDir, new PhaseTimings());
    }

    /**
     * Grades a submission, adding its phases to {@code timings}.
     *
     * @param submission a folder or zip
     * @param workDir    an empty folder for unpacked sources, class files and the child's files
     * @param timings    the run's clock, started when the grader started
     * @return the outcome; its report is complete even when the submission crashed, hung or did not compile
     */
    public GradingOutcome grade(Path submission, Path workDir, PhaseTimings timings) {
        GradeCollector collector = new GradeCollector();
        List<String> notes = new ArrayList<>();
        String name = submission.toString();
        try {
            LoadedSubmission loaded = new SubmissionLoader(settings.submissionLimits()).load(submission, workDir);
            notes.add("Submission: " + loaded.sources().size() + " source files, " + loaded.form() + ".");
            timings.lap("load");
            boolean archives = settings.cds() != ClassDataSharing.Mode.OFF;
            SandboxRunner runner = new SandboxRunner(settings.sandbox(), classpath, settings.java(), settings.backendInfo(),
                    settings.suiteProperties(), TestJvmTuning.flags(classpath, settings.java(), archives));
            Path classesDir = workDir.resolve("classes");
            // The first test JVM starts now: its JVM and ND4J start-up overlap with compiling and checking.
            try (SandboxRunner.Prestarted child = runner.prestart(classesDir, settings.suites(), workDir.resolve("run"))) {
                CompileResult compiled;
                SubmissionChecks.Findings findings = null;
                // The registered rules can be checked in the javac JVM, which loads them itself; others only here.
                boolean rulesInCompilerJvm = rules instanceof StructureRules.Registered;
                if (settings.forkCompiler()) {
                    CompilerProcess compiler = new CompilerProcess(classpath.engine(), settings.java(),
                            CompilerJvmTuning.flags(ClassDataSharing.folder(classpath), classpath.engine(), settings.java(),
                                    archives));
                    compiled = compiler.compile(loaded, classpath.compileClasspath(), classesDir, workDir.resolve("compile"),
                            new CompilerProcess.Checks(skeleton.text(), rulesInCompilerJvm));
                    timings.cpu("javac JVM", compiler.lastCpuMillis());
                    findings = compiler.lastFindings();
                    if (findings != null) {
                        Map<String, Long> parts = new LinkedHashMap<>();
                        parts.put("javac", compiler.lastJavacMillis());
                        parts.put("API check (in the javac JVM)", findings.apiMillis());
                        if (rulesInCompilerJvm) {
                            parts.put("structure rules (in the javac JVM)", findings.structureMillis());
                        }
                        timings.lap("compile and check", parts);
                    } else {
                        timings.lap("compile");
                    }
                } else {
                    compiled = new SubmissionCompiler(classpath.compileClasspath()).compile(loaded, classesDir);
                    timings.lap("compile");
                }
                if (!compiled.success()) {
                    return new GradingOutcome(GradeReport.empty(""), GradingStatus.COMPILE_ERROR, name, "",
                            compiled.errors(), timings, notes);
                }
                if (findings == null) {
                    findings = SubmissionChecks.run(compiled.classesDir(), skeleton, classpath.compileClasspath(), null);
                    timings.lap("API check");
                    rulesInCompilerJvm = false;
                }
                if (!findings.refused().isEmpty()) {
                    throw new SubmissionRejectedException(String.join("\n", findings.refused()));
                }
                record(collector, findings.api());
                List<CheckResult> structure = findings.structure();
                if (!rulesInCompilerJvm) {
                    structure = rules.check(compiled.classesDir());
                    timings.lap("structure rules");
                }
                record(collector, structure);
                List<CheckResult> broken = structure.stream().filter(check -> !check.passed()).toList();
                if (!broken.isEmpty()) {
                    // Code that breaks a structure rule is not run at all: it scores 0, and the report says why.
                    return new GradingOutcome(collector.report(""), GradingStatus.REJECTED, name, "", refusal(broken),
                            timings, notes);
                }
                SandboxResult result = runner.run(child, collector);
                Map<String, Long> breakdown = new LinkedHashMap<>();
                breakdown.put("test JVM start (overlaps compile)", result.startupMillis());
                breakdown.put("ND4J start (overlaps compile)", result.backendMillis());
                breakdown.put("discovery + tests", result.testsMillis());
                timings.lap("forked run", breakdown);
                timings.cpu("test JVMs", result.cpuMillis());
                if (result.children().size() > 1) {
                    List<String> endings = result.children().subList(0, result.children().size() - 1).stream()
                            .map(c -> c.ending()).distinct().toList();
                    notes.add("The test JVM was replaced " + (result.children().size() - 1) + " time"
                            + (result.children().size() == 2 ? "" : "s") + ", because: " + String.join(" / ", endings));
                }
                String message = result.complete() ? "" : "Not every test could run: " + result.problem();
                return new GradingOutcome(collector.report(result.backend()), GradingStatus.GRADED, name, message,
                        List.of(), timings, notes);
            }
        } catch (SubmissionRejectedException e) {
            return new GradingOutcome(GradeReport.empty(""), GradingStatus.REJECTED, name, "",
                    List.of("Your submission could not be graded: " + e.getMessage()), timings, notes);
        } catch (IOException | RuntimeException | LinkageError e) {
            return new GradingOutcome(collector.report(""), GradingStatus.GRADER_ERROR, name, "",
                    List.of("The grader failed; this is not your fault, please tell your instructor. Error: " + e),
                    timings, notes);
        }
    }

    private static List<String> refusal(List<CheckResult> broken) {
        List<String> problems = new ArrayList<>();
        problems.add("Your code breaks " + (broken.size() == 1 ? "a structure rule" : broken.size() + " structure rules")
                + ", so none of it was run and the score is 0. Fix what is listed below and submit again.");
        broken.forEach(check -> problems.add(check.message()));
        return problems;
    }

    private static void record(GradeCollector collector, List<CheckResult> checks) {
        for (CheckResult check : checks) {
            String key = check.task() + "#" + check.name();
            collector.planned(new PlannedTest(key, check.name(), "", "", true, check.points(), check.task(), Visibility.VISIBLE));
            collector.finished(key, check.passed() ? TestStatus.PASSED : TestStatus.FAILED, check.message(), 0L);
        }
    }
}
