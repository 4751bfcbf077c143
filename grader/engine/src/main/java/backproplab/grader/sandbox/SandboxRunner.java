package backproplab.grader.sandbox;

import backproplab.grader.child.ChildMain;
import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.SuiteSettings;
import backproplab.scoring.GradeCollector;
import backproplab.scoring.TestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs hidden suites on a compiled submission in forked child JVMs ({@link ChildMain}) and replays their
 * event streams into a {@link GradeCollector}, so the score is computed here, out of the student code's reach.
 *
 * <p>The parent enforces what the child cannot: the time limit of the whole run (it kills the child and its
 * descendants), a stall guard in case the child's own watchdog is stuck, and the bookkeeping of
 * tests that never reported. When a child dies (it exited, ran out of memory, crashed, or halted itself
 * because a test would not stop), the test it was running is charged with the reason, and a fresh child runs
 * the tests still pending, up to {@link SandboxLimits#maxRestarts()} times. Tests that are still pending after
 * that end as {@link TestStatus#NOT_RUN} with the reason. The collector always ends complete.
 *
 * <p>The jobs are split: {@link TestJvmLauncher} starts a child, {@link ChildConnection} hears it,
 * {@link RunSupervisor} keeps the books and makes the decisions; this class wires them together.
 */
public final class SandboxRunner {

    /** Key of the entry that stands for the suites when no child ever delivered a test plan. */
    public static final String SUITES_KEY = "backproplab.grader.sandbox#hiddenSuites";

    private static final long POLL_MILLIS = 100;

    private final SandboxLimits limits;
    private final TestJvmLauncher launcher;
    private final ChildPictures pictures;
    private final SuitePlan plan = SuitePlan.bundled();

    /**
     * @param limits          memory, time, output limits and isolation
     * @param classpath       the grader's code and libraries, for the child
     * @param java            the {@code java} executable for the child
     * @param backendInfo     whether the child starts ND4J first and reports its backend line
     * @param suiteProperties the suites' settings ({@link SuiteSettings}); the pictures folder named there is where
     *                        the engine copies the pictures that each child draws in its own scratch folder
     * @param tuningFlags     JVM options that make the child cheaper ({@link TestJvmTuning#flags})
     */
    public SandboxRunner(SandboxLimits limits, RuntimeClasspath classpath, Path java, boolean backendInfo,
                         Map<String, String> suiteProperties, List<String> tuningFlags) {
        this.limits = limits;
        this.launcher = new TestJvmLauncher(limits, classpath, java, backendInfo, suiteProperties).tunedWith(tuningFlags);
        String pictureFolder = suiteProperties.get(SuiteSettings.PICTURES_DIRECTORY);
        this.pictures = new ChildPictures(pictureFolder == null ? null : Path.of(pictureFolder));
    }

    /** The isolation the children run with. */
    public Isolation isolation() {
        return limits.isolation();
    }

    /** The {@code java} executable of the running JVM. */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * Starts the first child JVM now, so that its JVM and ND4J start-up overlap with compiling the submission.
     * The child loads nothing of the submission and runs nothing until {@link #run(Prestarted, GradeCollector)}
     * tells it to go; closing the handle without running kills it.
     *
     * @param submissionClasses where the compiled submission will be; created now if missing
     * @param suites            packages or classes of suites
     * @param workDir           a folder for request files and the child's working directory
     * @return the waiting child
     * @throws IOException if the child cannot be started
     */
    public Prestarted prestart(Path submissionClasses, List<String> suites, Path workDir) throws IOException {
        Files.createDirectories(submissionClasses);
        Files.createDirectories(workDir);
        TestJvm jvm = launcher.launch(submissionClasses, suites, List.of(), workDir, 0, true);
        return new Prestarted(jvm, submissionClasses, suites, workDir);
    }

    /**
     * Runs the suites, starting with a child from {@link #prestart}.
     *
     * @param first     the prestarted child; it is used up (or killed) by this call
     * @param collector receives every test, and ends with every test ended
     * @return the backend line and what happened to each child
     * @throws IOException if a replacement child cannot be started
     */
    public SandboxResult run(Prestarted first, GradeCollector collector) throws IOException {
        return run(first.submissionClasses, first.suites, collector, first.workDir, first);
    }

    /**
     * Runs the suites.
     *
     * @param submissionClasses the compiled submission
     * @param suites            packages or classes of suites
     * @param collector         receives every test, and ends with every test ended
     * @param workDir           a folder for request files and the child's working directory
     * @return the backend line and what happened to each child
     * @throws IOException if the request cannot be written or the child cannot be started
     */
    public SandboxResult run(Path submissionClasses, List<String> suites, GradeCollector collector, Path workDir)
            throws IOException {
        Files.createDirectories(workDir);
        return run(submissionClasses, suites, collector, workDir, null);
    }

    private SandboxResult run(Path submissionClasses, List<String> suites, GradeCollector collector, Path workDir,
                              Prestarted first) throws IOException {
        limits.isolation().openForReading(submissionClasses);
        RunSupervisor supervisor = new RunSupervisor(limits, collector, System.nanoTime(), plan.forSuites(suites));
        int leftovers = 0;
        for (int attempt = 0; !supervisor.over(); attempt++) {
            TestJvm jvm = attempt == 0 && first != null ? first.take()
                    : launcher.launch(submissionClasses, suites, supervisor.skipKeys(), workDir, attempt, false);
            leftovers += runChild(jvm, supervisor);
        }
        SandboxResult result = supervisor.result();
        // Under full isolation the sandbox's PID namespace ends every process with it; what the sweep still finds
        // there is the sandbox's own teardown, not processes left running.
        boolean counted = limits.isolation().level() != IsolationLevel.FULL;
        return leftovers == 0 || !counted ? result : result.withNote("Stopped " + leftovers + " process"
                + (leftovers == 1 ? "" : "es") + " that the code under test had started and left running.");
    }

    /** A started child JVM and the socket it reports to, not yet supervised. */
    public static final class Prestarted implements AutoCloseable {
        private final TestJvm jvm;
        private final Path submissionClasses;
        private final List<String> suites;
        private final Path workDir;
        private boolean used;

        private Prestarted(TestJvm jvm, Path submissionClasses, List<String> suites, Path workDir) {
            this.jvm = jvm;
            this.submissionClasses = submissionClasses;
            this.suites = List.copyOf(suites);
            this.workDir = workDir;
        }

        private TestJvm take() {
            used = true;
            return jvm;
        }

        /** Kills the child if it was never used. */
        @Override
        public void close() throws IOException {
            if (!used) {
                jvm.close();
            }
        }
    }

    /** Runs one child to its end; returns how many processes it left behind (killed). */
    private int runChild(TestJvm jvm, RunSupervisor supervisor) throws IOException {
        int leftovers;
        try (jvm) {
            supervisor.childStarted(System.nanoTime());
            pictures.childStarted(jvm.seenPictures(), jvm.hostPictures());
            String stoppedBecause;
            // If the grader itself is stopped (Ctrl-C, a platform's time limit), the child goes with it.
            Thread reaper = new Thread(jvm::kill, "child-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                stoppedBecause = follow(jvm, supervisor, pictures);
            } finally {
                leftovers = jvm.kill();
                pictures.childEnded();
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running already.
                }
            }
            String console = jvm.console();
            supervisor.childEnded(new RunSupervisor.ChildEnd(jvm.exitCode(), console, stoppedBecause,
                    jvm.cpuMillisSeen()),
                    System.nanoTime());
        }
        return leftovers;
    }

    /**
     * Hands the child's events to the supervisor until the child ends or must be stopped.
     *
     * @return why the parent stopped the child, or {@code null} if the child ended by itself
     */
    private static String follow(TestJvm jvm, RunSupervisor supervisor, ChildPictures pictures) throws IOException {
        ChildConnection connection = ChildConnection.accept(jvm);
        if (connection == null) {
            return jvm.isAlive()
                    ? "the test JVM did not start within " + ChildConnection.STARTUP_LIMIT_MILLIS / 1000 + " s." : null;
        }
        for (int polls = 0; ; polls++) {
            if (polls % 5 == 0) {
                jvm.watchDescendants();
            }
            Optional<String> full = ScratchQuota.DEFAULT.exceeded(jvm.hostScratch());
            if (full.isPresent()) {
                // Stopped at once and its files deleted, so that the disk holds at most the quota and what the JVM
                // wrote in one poll's time, however often the JVM is replaced; the events it sent before are read
                // first, so that the test that was writing is the one charged.
                jvm.kill();
                drain(connection, supervisor, pictures);
                ScratchQuota.deleteFiles(jvm.hostScratch());
                return full.get();
            }
            ChildConnection.Incoming item;
            try {
                item = connection.poll(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "the grader was interrupted.";
            }
            long now = System.nanoTime();
            if (item instanceof ChildConnection.Closed) {
                jvm.waitFor(5_000);
                return null;
            }
            if (item instanceof ChildConnection.Refused refused) {
                return refused.reason();
            }
            if (item instanceof ChildConnection.Received received) {
                ChildEvent event = pictures.translate(received.event());
                if (event != null) {
                    supervisor.onEvent(event, now);
                }
            }
            Optional<String> limit = supervisor.limitReached(now);
            if (limit.isPresent()) {
                return limit.get();
            }
        }
    }

    /** Hands the supervisor the events a killed JVM sent before it died, until its connection closes (a few s at most). */
    private static void drain(ChildConnection connection, RunSupervisor supervisor, ChildPictures pictures)
            throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            ChildConnection.Incoming item;
            try {
                item = connection.poll(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!(item instanceof ChildConnection.Received received)) {
                return;
            }
            ChildEvent event = pictures.translate(received.event());
            if (event != null) {
                supervisor.onEvent(event, System.nanoTime());
            }
        }
    }
}
