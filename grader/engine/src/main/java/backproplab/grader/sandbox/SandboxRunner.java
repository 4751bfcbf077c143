package backproplab.grader.sandbox;

import backproplab.grader.child.ChildMain;
import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.ChildRequest;
import backproplab.grader.protocol.Json;
import backproplab.scoring.GradeCollector;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestStatus;
import backproplab.scoring.Visibility;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 */
public final class SandboxRunner {

    /** Key of the entry that stands for the suites when no child ever delivered a test plan. */
    public static final String SUITES_KEY = "backproplab.grader.sandbox#hiddenSuites";

    private static final long STARTUP_LIMIT_MILLIS = 60_000;
    /** The parent's stall guard waits longer than the child's own watchdog, which reports better. */
    private static final long STALL_MARGIN_MILLIS = ChildRequest.STALL_MARGIN_MILLIS + 5_000;

    private final SandboxLimits limits;
    private final RuntimeClasspath classpath;
    private final Path javaExecutable;
    private final boolean backendInfo;
    private final Map<String, String> suiteProperties;

    /**
     * @param limits      memory, time and output limits
     * @param classpath   the grader's code and libraries, for the child
     * @param java        the {@code java} executable for the child
     * @param backendInfo whether the child starts ND4J first and reports its backend line
     */
    public SandboxRunner(SandboxLimits limits, RuntimeClasspath classpath, Path java, boolean backendInfo,
                         Map<String, String> suiteProperties) {
        this.limits = limits;
        this.classpath = classpath;
        this.javaExecutable = java;
        this.backendInfo = backendInfo;
        this.suiteProperties = Map.copyOf(suiteProperties);
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
        return launch(submissionClasses, suites, List.of(), workDir, 0, true);
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
        Run run = new Run(collector, System.nanoTime() + limits.runTimeout().toNanos());
        List<ChildRun> children = new ArrayList<>();
        String problem = "";
        for (int attempt = 0; ; attempt++) {
            Prestarted launched = attempt == 0 && first != null ? first
                    : launch(submissionClasses, suites, List.copyOf(run.doneKeys), workDir, attempt, false);
            ChildRun child = runChild(launched, run);
            children.add(child);
            if (run.complete) {
                break;
            }
            boolean progress = child.testsFinished() > 0;
            Set<String> remaining = new LinkedHashSet<>(run.plannedKeys);
            remaining.removeAll(run.doneKeys);
            boolean timeLeft = System.nanoTime() < run.deadlineNanos - TimeUnit.SECONDS.toNanos(2);
            if (remaining.isEmpty() || run.plannedKeys.isEmpty()) {
                problem = child.ending();
                break;
            }
            if (!progress || attempt >= limits.maxRestarts() || !timeLeft || run.wallTimeout) {
                problem = child.ending();
                String pendingReason = progress && attempt >= limits.maxRestarts()
                        ? "Not run: the test JVM stopped " + (attempt == 0 ? "once" : (attempt + 1) + " times")
                                + " before this test (see the tests that timed out or did not finish) and is not "
                                + "started again. The last time: " + child.ending()
                        : "Not run: " + child.ending();
                collector.endRun(TestStatus.NOT_RUN, "Not run: " + child.ending(), pendingReason);
                break;
            }
        }
        if (run.plannedKeys.isEmpty() && !run.complete) {
            collector.planned(new PlannedTest(SUITES_KEY, "Hidden test suites", "", "", false, 0.0, "", Visibility.VISIBLE));
            collector.finished(SUITES_KEY, TestStatus.NOT_RUN, "The hidden tests could not start: " + problem, 0);
        }
        return new SandboxResult(run.backend, run.complete, children, problem);
    }

    /** The mutable state of a whole run, across children. */
    private static final class Run {
        final GradeCollector collector;
        final long deadlineNanos;
        final Set<String> plannedKeys = new LinkedHashSet<>();
        final Set<String> doneKeys = new LinkedHashSet<>();
        final Map<String, String> names = new HashMap<>();
        String backend = "";
        boolean complete;
        boolean wallTimeout;

        Run(GradeCollector collector, long deadlineNanos) {
            this.collector = collector;
            this.deadlineNanos = deadlineNanos;
        }

        String name(String key) {
            return names.getOrDefault(key, key);
        }
    }

    /** The state of one child. */
    private static final class ChildState {
        String running;
        long lastEventNanos = System.nanoTime();
        String hungId;
        String hungReason;
        String fatal;
        boolean helloSeen;
        long startupMillis;
        long backendMillis;
        long discoveryMillis;
        long discoveredAtNanos;
        int finished;
        boolean killedForStall;
        long cpuMillis = -1;
    }

    /** A started child JVM and the socket it reports to, not yet supervised. */
    public static final class Prestarted implements AutoCloseable {
        private final ServerSocket server;
        private final Process process;
        private final ConsoleTail stdout;
        private final ConsoleTail stderr;
        private final String token;
        private final boolean waitsForGo;
        private final Path submissionClasses;
        private final List<String> suites;
        private final Path workDir;
        private boolean used;

        private Prestarted(ServerSocket server, Process process, String token, boolean waitsForGo,
                           Path submissionClasses, List<String> suites, Path workDir) {
            this.server = server;
            this.process = process;
            this.token = token;
            this.waitsForGo = waitsForGo;
            this.submissionClasses = submissionClasses;
            this.suites = List.copyOf(suites);
            this.workDir = workDir;
            this.stdout = new ConsoleTail(process.getInputStream(), "child-stdout");
            this.stderr = new ConsoleTail(process.getErrorStream(), "child-stderr");
        }

        /** Kills the child if it was never used. */
        @Override
        public void close() throws IOException {
            if (!used) {
                killTree(process);
                server.close();
            }
        }
    }

    private Prestarted launch(Path submissionClasses, List<String> suites, List<String> skipKeys, Path workDir,
                              int attempt, boolean waitForGo) throws IOException {
        String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        Path childDir = Files.createDirectories(workDir.resolve("child-" + attempt));
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            ChildRequest request = new ChildRequest(server.getLocalPort(), token, suites, skipKeys,
                    limits.testTimeout().toMillis(), limits.grace().toMillis(), limits.outputCapBytes(), backendInfo,
                    waitForGo);
            Path requestFile = childDir.resolve("request.json");
            Json.MAPPER.writeValue(requestFile.toFile(), request);
            Process process = new ProcessBuilder(command(submissionClasses, requestFile, childDir))
                    .directory(childDir.toFile())
                    .start();
            process.getOutputStream().close();
            return new Prestarted(server, process, token, waitForGo, submissionClasses, suites, workDir);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private ChildRun runChild(Prestarted child, Run run) throws IOException {
        child.used = true;
        Process process = child.process;
        try (ServerSocket server = child.server) {
            ChildState state = new ChildState();
            String ending;
            // If the grader itself is stopped (Ctrl-C, a platform's time limit), the child goes with it.
            Thread reaper = new Thread(() -> killTree(process), "child-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                ending = supervise(server, child, run, state);
            } finally {
                killTree(process);
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running already.
                }
            }
            child.stdout.awaitEnd(2000);
            child.stderr.awaitEnd(2000);
            String console = (child.stdout.text() + child.stderr.text()).strip();
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            if (ending == null) {
                ending = describeExit(exitCode, console, state, run);
            }
            chargeRunningTest(run, state, ending);
            long testsMillis = state.discoveredAtNanos == 0 ? 0 : (System.nanoTime() - state.discoveredAtNanos) / 1_000_000L;
            return new ChildRun(exitCode, ending, state.startupMillis, state.backendMillis, state.discoveryMillis,
                    testsMillis, state.finished, state.cpuMillis, console);
        }
    }

    /**
     * Reads the child's events until it ends.
     *
     * @return why the parent stopped the child, or {@code null} if the child ended by itself
     */
    private String supervise(ServerSocket server, Prestarted child, Run run, ChildState state) throws IOException {
        Process process = child.process;
        String token = child.token;
        Socket socket = accept(server, process, System.nanoTime());
        if (socket == null) {
            return process.isAlive() ? "the test JVM did not start within " + STARTUP_LIMIT_MILLIS / 1000 + " s." : null;
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object endOfStream = new Object();
        Thread reader = new Thread(() -> {
            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // The child closed the connection or died.
            } finally {
                queue.add(endOfStream);
            }
        }, "child-events");
        reader.setDaemon(true);
        reader.start();
        long stallLimitMillis = limits.testTimeout().toMillis() + 2 * limits.grace().toMillis() + STALL_MARGIN_MILLIS;
        while (true) {
            Object item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "the grader was interrupted.";
            }
            long now = System.nanoTime();
            if (item == endOfStream) {
                waitFor(process, 5_000);
                return null;
            }
            if (item instanceof String line) {
                ChildEvent event;
                try {
                    event = Json.MAPPER.readValue(line, ChildEvent.class);
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    return "the test JVM sent a message the grader could not read.";
                }
                if (!state.helloSeen) {
                    if (!(event instanceof ChildEvent.Hello hello) || !token.equals(hello.token())) {
                        return "the test JVM sent an unexpected first message.";
                    }
                    state.helloSeen = true;
                    state.startupMillis = hello.uptimeMillis();
                    if (child.waitsForGo) {
                        sendGo(socket);
                    }
                } else {
                    handle(event, run, state, now);
                }
                state.lastEventNanos = now;
            }
            if (now > run.deadlineNanos) {
                run.wallTimeout = true;
                return "the whole run reached its time limit of " + limits.runTimeoutText() + ".";
            }
            if (state.discoveredAtNanos != 0 && (now - state.lastEventNanos) / 1_000_000L > stallLimitMillis) {
                state.killedForStall = true;
                return "the test JVM made no progress for " + stallLimitMillis / 1000 + " s.";
            }
        }
    }

    private static void sendGo(Socket socket) throws IOException {
        socket.getOutputStream().write(ChildMain.GO.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private Socket accept(ServerSocket server, Process process, long startNanos) throws IOException {
        server.setSoTimeout(100);
        while (true) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(0);
                return socket;
            } catch (SocketTimeoutException e) {
                if (!process.isAlive() || (System.nanoTime() - startNanos) / 1_000_000L > STARTUP_LIMIT_MILLIS) {
                    return null;
                }
            }
        }
    }

    private static void handle(ChildEvent event, Run run, ChildState state, long now) {
        GradeCollector collector = run.collector;
        if (event instanceof ChildEvent.BackendStarted backend) {
            run.backend = backend.line() == null ? "" : backend.line();
            state.backendMillis = backend.millis();
        } else if (event instanceof ChildEvent.Discovered discovered) {
            state.discoveryMillis = discovered.millis();
            state.discoveredAtNanos = now;
        } else if (event instanceof ChildEvent.Planned planned) {
            PlannedTest test = planned.test();
            if (test != null && !run.doneKeys.contains(test.id())) {
                collector.planned(test);
                run.plannedKeys.add(test.id());
                run.names.put(test.id(), test.displayName());
            }
        } else if (event instanceof ChildEvent.Started started) {
            if (open(run, started.id())) {
                collector.started(started.id());
                state.running = started.id();
            }
        } else if (event instanceof ChildEvent.ReportEntry entry) {
            if (open(run, entry.id())) {
                collector.reportEntry(entry.id(), entry.key(), entry.value());
            }
        } else if (event instanceof ChildEvent.Output output) {
            if (open(run, output.id())) {
                collector.output(output.id(), output.text());
            }
        } else if (event instanceof ChildEvent.Finished finished) {
            String id = finished.id();
            if (open(run, id)) {
                collector.finished(id, finished.status(), finished.message() == null ? "" : finished.message(),
                        finished.millis());
                run.doneKeys.add(id);
                state.finished++;
                if (id.equals(state.running)) {
                    state.running = null;
                }
            }
        } else if (event instanceof ChildEvent.RunFinished finished) {
            run.complete = true;
            state.cpuMillis = finished.cpuMillis();
        } else if (event instanceof ChildEvent.Hung hung) {
            state.hungId = hung.id();
            state.hungReason = hung.reason();
        } else if (event instanceof ChildEvent.Fatal fatal) {
            state.fatal = fatal.reason();
        }
    }

    /** Whether events about this test still count: it has a key and no result yet. */
    private static boolean open(Run run, String id) {
        return id != null && !run.doneKeys.contains(id);
    }

    /** Ends the test the child was running when it died, with the reason. */
    private void chargeRunningTest(Run run, ChildState state, String ending) {
        if (state.hungId != null && !run.doneKeys.contains(state.hungId)) {
            run.collector.timedOut(state.hungId, state.hungReason);
            run.doneKeys.add(state.hungId);
            state.finished++;
        }
        String running = state.running;
        // A test that was running when the child halted for another test's runaway thread is not charged:
        // it stays open, and the next child runs it again.
        boolean innocent = state.hungId != null && !state.hungId.equals(running);
        if (running != null && !innocent && !run.doneKeys.contains(running)) {
            boolean timeout = run.wallTimeout || state.killedForStall;
            String reason = (timeout ? "Stopped: " : "This test did not finish: ") + ending;
            if (timeout) {
                run.collector.timedOut(running, reason);
            } else {
                run.collector.finished(running, TestStatus.NOT_RUN, reason);
            }
            run.doneKeys.add(running);
            state.finished++;
        }
    }

    private String describeExit(int exitCode, String console, ChildState state, Run run) {
        String during = state.running != null ? " while running \"" + run.name(state.running) + "\""
                : state.hungId != null ? " after \"" + run.name(state.hungId) + "\"" : "";
        if (run.complete) {
            return "the test JVM ran every test.";
        }
        if (state.hungReason != null) {
            return state.hungReason;
        }
        if (state.fatal != null) {
            return "the test JVM stopped on an error outside any test: " + state.fatal;
        }
        if (!state.helloSeen) {
            return "the test JVM could not start (exit code " + exitCode + "): " + firstLines(console, 5);
        }
        if (console.contains("OutOfMemoryError")) {
            return "the test JVM ran out of memory (heap limit " + limits.heap() + ")" + during
                    + ". Look for data that grows without bound, such as a list appended to in a loop.";
        }
        if (console.contains("A fatal error has been detected by the Java Runtime Environment")) {
            return "the test JVM crashed (a native error)" + during + ": " + firstLines(console, 3);
        }
        if (exitCode > 128) {
            return "the test JVM was killed by signal " + (exitCode - 128) + during
                    + " (the machine may have run out of memory).";
        }
        return "the test JVM exited with code " + exitCode + during
                + ". Does your code call System.exit or Runtime.halt? Return a value or throw an exception instead.";
    }

    private List<String> command(Path submissionClasses, Path requestFile, Path childDir) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xmx" + limits.heap());
        command.add("-Xss" + limits.threadStack());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dorg.bytedeco.javacpp.maxbytes=" + limits.offHeap());
        command.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + limits.physical());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-Djava.io.tmpdir=" + childDir);
        suiteProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(RuntimeClasspath.join(classpath.childClasspath(submissionClasses)));
        command.add(ChildMain.class.getName());
        command.add(requestFile.toString());
        return command;
    }

    private static void killTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        waitFor(process, 5_000);
    }

    private static void waitFor(Process process, long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join(" / ", Arrays.copyOf(all, Math.min(lines, all.length))).strip();
    }
}
