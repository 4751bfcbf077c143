package backproplab.grader.engine;

import backproplab.grader.checks.ArchUnitStructureRules;
import backproplab.grader.checks.CheckResult;
import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.checks.StructureRules;
import backproplab.grader.checks.SubmissionChecks;
import backproplab.grader.compile.CompileResult;
import backproplab.grader.compile.CompilerJvmTuning;
import backproplab.grader.compile.CompileServers;
import backproplab.grader.compile.CompilerProcess;
import backproplab.grader.compile.SubmissionCompiler;
import backproplab.grader.intake.GivenFiles;
import backproplab.grader.intake.LoadedSubmission;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.intake.SubmissionLoader;
import backproplab.grader.intake.SubmissionRejectedException;
import backproplab.grader.protocol.HiddenInputSeed;
import backproplab.grader.protocol.SuiteSettings;
import backproplab.grader.report.Verdict;
import backproplab.grader.sandbox.ClassDataUse;
import backproplab.grader.sandbox.Isolation;
import backproplab.grader.sandbox.IsolationLevel;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
     * @param pictures         the folder that receives the suites' training pictures, or {@code null} for none
     * @param cds              whether the test JVM and the javac JVM use their class-data archives
     *                         ({@link ClassDataSharing}); building missing ones is the caller's business
     * @param seed             the seed the hidden suites draw their inputs from ({@link StudentSeed}); {@code null}
     *                         means the course's fixed seed
     */
    public record Settings(List<String> suites, SandboxLimits sandbox, SubmissionLimits submissionLimits, Path java,
                           boolean backendInfo, boolean forkCompiler, Path thresholds, Path pictures,
                           ClassDataSharing.Mode cds, StudentSeed seed) {

        /** Copies the suites; no {@code java} means the one running the grader, no seed the course's fixed one. */
        public Settings {
            suites = List.copyOf(suites);
            java = java != null ? java : SandboxRunner.currentJava();
            seed = seed != null ? seed : StudentSeed.course();
        }

        /** Settings with the course's fixed seed. */
        public Settings(List<String> suites, SandboxLimits sandbox, SubmissionLimits submissionLimits, Path java,
                        boolean backendInfo, boolean forkCompiler, Path thresholds, Path pictures,
                        ClassDataSharing.Mode cds) {
            this(suites, sandbox, submissionLimits, java, backendInfo, forkCompiler, thresholds, pictures, cds, null);
        }

        /** The same settings with another use of the class-data archives. */
        public Settings withCds(ClassDataSharing.Mode mode) {
            return new Settings(suites, sandbox, submissionLimits, java, backendInfo, forkCompiler, thresholds, pictures,
                    mode, seed);
        }

        /** The same settings with another seed for the hidden inputs. */
        public Settings withSeed(StudentSeed hiddenInputs) {
            return new Settings(suites, sandbox, submissionLimits, java, backendInfo, forkCompiler, thresholds, pictures,
                    cds, hiddenInputs);
        }

        /** The settings as the test JVM hands them to the suites ({@link SuiteSettings}). */
        Map<String, String> suiteProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(HiddenInputSeed.PROPERTY, Long.toString(seed.value()));
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
    private final CompileServers compileServers;

    /**
     * @param settings  what to run and within which limits
     * @param skeleton  the API a submission must provide
     * @param classpath the grader's code and libraries
     * @param rules     static checks on the compiled classes
     */
    /**
     * A session for the course bundled into this grader, with the test JVM as isolated as this machine allows.
     *
     * @param settings       what to run and within which limits
     * @param structureRules whether to check the structure rules ({@code false} only to test the other layers alone)
     * @param moreSuites     class folders or jars of an instructor's own suites, for the test JVM only
     * @return the session
     */
    public static GradingSession forBundledCourse(Settings settings, boolean structureRules, List<Path> moreSuites) {
        try {
            return forBundledCourse(settings, structureRules, moreSuites, null);
        } catch (CannotIsolate e) {
            throw new IllegalStateException("without a required level, isolation always finds one", e);
        }
    }

    /**
     * A session for the course bundled into this grader: its skeleton API, its suites and test-JVM class path, its
     * structure rules, and the isolation level of the test JVM chosen for this machine.
     *
     * @param settings       what to run and within which limits
     * @param structureRules whether to check the structure rules ({@code false} only to test the other layers alone)
     * @param moreSuites     class folders or jars of an instructor's own suites, for the test JVM only
     * @param isolation      the isolation the instructor asks for; {@code null} means the best this machine can do
     * @return the session
     * @throws CannotIsolate if the level asked for cannot be had on this machine
     */
    public static GradingSession forBundledCourse(Settings settings, boolean structureRules, List<Path> moreSuites,
                                                  IsolationLevel isolation) throws CannotIsolate {
        SkeletonApi skeleton = SkeletonApi.bundled();
        RuntimeClasspath classpath = RuntimeClasspath.detect(skeleton.classResources())
                .withSuites(moreSuites.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        Isolation chosen;
        try {
            chosen = Isolation.choose(isolation, settings.java(), classpath, settings.cds() != ClassDataSharing.Mode.OFF);
        } catch (Isolation.UnavailableException e) {
            throw new CannotIsolate(e.getMessage());
        }
        Settings isolated = new Settings(settings.suites(), settings.sandbox().withIsolation(chosen),
                settings.submissionLimits(), settings.java(), settings.backendInfo(), settings.forkCompiler(),
                settings.thresholds(), settings.pictures(), settings.cds(), settings.seed());
        return new GradingSession(isolated, skeleton, classpath, structureRules ? StructureRules.load() : classes -> List.of());
    }

    /** The isolation an instructor asked for cannot be had on this machine; the message says why. */
    public static final class CannotIsolate extends Exception {

        private static final long serialVersionUID = 1L;

        CannotIsolate(String message) {
            super(message);
        }
    }

    public GradingSession(Settings settings, SkeletonApi skeleton, RuntimeClasspath classpath, StructureRules rules) {
        this(settings, skeleton, classpath, rules, null);
    }

    private GradingSession(Settings settings, SkeletonApi skeleton, RuntimeClasspath classpath, StructureRules rules,
                           CompileServers compileServers) {
        this.settings = settings;
        this.skeleton = skeleton;
        this.classpath = classpath;
        this.rules = rules;
        this.compileServers = compileServers;
    }

    /**
     * The same session compiling in warm compile servers (a batch's) instead of a one-shot javac JVM per submission,
     * when it forks the compiler at all; the requests and results are the same ({@link CompileServers}).
     *
     * @param servers the compile servers, or {@code null} for a one-shot javac JVM per submission
     * @return a session that differs from this one in where it compiles only
     */
    public GradingSession withCompileServers(CompileServers servers) {
        return new GradingSession(settings, skeleton, classpath, rules, servers);
    }

    /**
     * The same session (course, class path, rules, limits) drawing its training pictures into another folder, for
     * grading many submissions with one session: each gets its own pictures.
     *
     * @param pictures the folder for the pictures, or {@code null} for none
     * @return a session that differs from this one in its pictures folder only
     */
    public GradingSession withPictures(Path pictures) {
        Settings s = settings;
        return new GradingSession(new Settings(s.suites(), s.sandbox(), s.submissionLimits(), s.java(), s.backendInfo(),
                s.forkCompiler(), s.thresholds(), pictures, s.cds(), s.seed()), skeleton, classpath, rules, compileServers);
    }

    /**
     * The same session drawing its hidden inputs from another seed, for grading many students with one session: each
     * gets the hidden inputs of their own id.
     *
     * @param seed the seed of the next submission's hidden inputs
     * @return a session that differs from this one in its seed only
     */
    public GradingSession withSeed(StudentSeed seed) {
        return new GradingSession(settings.withSeed(seed), skeleton, classpath, rules, compileServers);
    }

    /** The grader's code and libraries, as the test JVM and the javac JVM get them. */
    public RuntimeClasspath classpath() {
        return classpath;
    }

    /** What this session runs and within which limits. */
    public Settings settings() {
        return settings;
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
        return run(submission, workDir, timings).withSeed(settings.seed());
    }

    private GradingOutcome run(Path submission, Path workDir, PhaseTimings timings) {
        TunedGraderStart.thisJvm().ifPresent(use -> timings.classData("grader JVM", use));
        GradeCollector collector = new GradeCollector();
        List<String> notes = new ArrayList<>();
        String name = submission.toString();
        try {
            LoadedSubmission submitted = new SubmissionLoader(settings.submissionLimits()).load(submission, workDir);
            notes.add("Submission: " + submitted.sources().size() + " source files, " + submitted.form() + ".");
            GivenFiles.Replaced given = GivenFiles.bundled().replaceIn(submitted, workDir.resolve("given"));
            if (!given.note().isEmpty()) {
                notes.add(given.note());
            }
            LoadedSubmission loaded = given.submission();
            timings.lap("load");
            boolean archives = settings.cds() != ClassDataSharing.Mode.OFF;
            SandboxRunner runner = new SandboxRunner(settings.sandbox(), classpath, settings.java(), settings.backendInfo(),
                    settings.suiteProperties(), TestJvmTuning.flags(classpath,
                    settings.sandbox().isolation().testJava(settings.java()), archives));
            notes.add(runner.isolation().note());
            Path classesDir = workDir.resolve("classes");
            // The first test JVM starts now: its JVM and ND4J start-up overlap with compiling and checking.
            try (SandboxRunner.Prestarted child = runner.prestart(classesDir, settings.suites(), workDir.resolve("run"))) {
                CompileResult compiled;
                SubmissionChecks.Findings findings = null;
                // The registered rules can be checked in the javac JVM, which loads them itself; others only here.
                boolean rulesInCompilerJvm = rules instanceof StructureRules.Registered;
                if (settings.forkCompiler()) {
                    CompilerProcess compiler = compileServers != null ? new CompilerProcess(compileServers)
                            : new CompilerProcess(classpath.engine(), settings.java(), CompilerJvmTuning.flags(
                                    ClassDataSharing.folder(classpath), classpath.engine(), settings.java(), archives));
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
                    return new GradingOutcome(GradeReport.empty(""), new Verdict.DidNotCompile(compiled.errors()), name,
                            timings, notes);
                }
                if (findings == null) {
                    findings = SubmissionChecks.run(compiled.classesDir(), skeleton, classpath.compileClasspath(), null);
                    timings.lap("API check");
                    rulesInCompilerJvm = false;
                }
                if (!findings.refused().isEmpty()) {
                    return new GradingOutcome(GradeReport.empty(""), new Verdict.InvalidSubmission(findings.refused()),
                            name, timings, notes);
                }
                List<CheckResult> api = findings.api();
                record(collector, api);
                List<CheckResult> structure = findings.structure();
                if (!rulesInCompilerJvm) {
                    structure = rules.check(compiled.classesDir());
                    timings.lap("structure rules");
                }
                record(collector, structure);
                List<CheckResult> broken = structure.stream().filter(check -> !check.passed()).toList();
                if (!broken.isEmpty()) {
                    // Code that breaks a structure rule is not run at all: it scores 0, and the report says why.
                    return new GradingOutcome(collector.report(""), refusal(broken), name, timings, notes);
                }
                SandboxResult result = runner.run(child, collector);
                Map<String, Long> breakdown = new LinkedHashMap<>();
                breakdown.put("test JVM start (overlaps compile)", result.startupMillis());
                breakdown.put("ND4J start (overlaps compile)", result.backendMillis());
                breakdown.put("discovery + tests", result.testsMillis());
                timings.lap("forked run", breakdown);
                timings.cpu("test JVMs", result.cpuMillis());
                timings.classData("test JVM", ClassDataUse.ofRun(workDir.resolve("run")));
                if (result.children().size() > 1) {
                    List<String> endings = result.children().subList(0, result.children().size() - 1).stream()
                            .map(c -> c.ending()).distinct().toList();
                    notes.add("The test JVM was replaced " + (result.children().size() - 1) + " time"
                            + (result.children().size() == 2 ? "" : "s") + ", because: " + String.join(" / ", endings));
                }
                if (!result.complete()) {
                    notes.add(0, "Not every test could run: " + result.problem());
                }
                notes.addAll(result.notes());
                GradeReport report = collector.report(result.backend());
                if (!result.graderProblem().isEmpty()) {
                    return new GradingOutcome(report, new Verdict.GraderFailed(result.graderProblem()), name, timings,
                            notes);
                }
                return new GradingOutcome(report, afterSuites(api, structure, report), name, timings, notes);
            }
        } catch (SubmissionRejectedException e) {
            return new GradingOutcome(GradeReport.empty(""), new Verdict.InvalidSubmission(List.of(e.getMessage())), name,
                    timings, notes);
        } catch (IOException | RuntimeException | LinkageError e) {
            return new GradingOutcome(collector.report(""), new Verdict.GraderFailed(e.toString()), name, timings, notes);
        }
    }

    /** Graded, or an API mismatch when the API differs and no hidden test passed (see {@link Verdict#afterSuites}). */
    private static Verdict afterSuites(List<CheckResult> api, List<CheckResult> structure, GradeReport report) {
        List<String> differences = api.stream().filter(check -> !check.passed()).map(CheckResult::message).toList();
        Set<String> checks = Stream.concat(api.stream(), structure.stream()).map(GradingSession::key).collect(Collectors.toSet());
        boolean anyHiddenTestPassed = report.tests().stream()
                .anyMatch(test -> test.graded() && test.passed() && !checks.contains(test.id()));
        return Verdict.afterSuites(differences, anyHiddenTestPassed);
    }

    private static Verdict refusal(List<CheckResult> broken) {
        return new Verdict.Refused(broken.stream()
                .map(check -> new Verdict.BrokenRule(ArchUnitStructureRules.ruleTitle(check.name()), check.message()))
                .toList());
    }

    private static void record(GradeCollector collector, List<CheckResult> checks) {
        for (CheckResult check : checks) {
            String key = key(check);
            collector.planned(new PlannedTest(key, check.name(), "", "", true, check.points(), check.task(), Visibility.VISIBLE));
            collector.finished(key, check.passed() ? TestStatus.PASSED : TestStatus.FAILED, check.message(), 0L);
        }
    }

    private static String key(CheckResult check) {
        return check.task() + "#" + check.name();
    }
}
