package backproplab.grader.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.ChildRequest;
import backproplab.grader.protocol.HiddenFiles;
import backproplab.grader.protocol.Json;
import backproplab.runtime.Backend;
import backproplab.scoring.FailureContext;
import backproplab.scoring.FailureMessages;
import backproplab.scoring.JUnitEventForwarder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of the forked child JVM: runs the hidden suites on the submission with the JUnit Platform
 * Launcher and streams every event to the parent (see {@link ChildEvent}). The child computes no score.
 *
 * <p>Usage: {@code java ... backproplab.grader.child.ChildMain <request.json>} (see {@link ChildRequest}).
 * The child ends with {@link Runtime#halt(int)}, so threads or shutdown hooks left by student code cannot
 * keep it alive.
 */
public final class ChildMain {

    /** The line the parent sends when a waiting child may load and run the suites. */
    public static final String GO = "go\n";

    /** Exit code after a complete run. */
    public static final int OK = 0;
    /** Exit code after an error outside any test (reported as {@link ChildEvent.Fatal}). */
    public static final int FATAL_EXIT_CODE = 70;

    private ChildMain() {
    }

    /**
     * @param args the path of the request file
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ChildMain <request.json>");
            Runtime.getRuntime().halt(2);
        }
        int exitCode = OK;
        EventWriter events = null;
        try {
            ChildRequest request = Json.MAPPER.readValue(Path.of(args[0]).toFile(), ChildRequest.class);
            events = new EventWriter(Path.of(request.socket()));
            long uptime = Math.max(0, System.currentTimeMillis() - request.launchedAtEpochMillis());
            events.send(new ChildEvent.Hello(request.token(), uptime));
            OutputCapture output = new OutputCapture(request.outputCapBytes());
            output.install();
            run(request, events, output);
        } catch (Throwable failure) {
            exitCode = FATAL_EXIT_CODE;
            if (events != null) {
                try {
                    events.send(new ChildEvent.Fatal(FailureMessages.describe(failure)));
                } catch (RuntimeException ignored) {
                    // The parent is gone; nothing left to tell.
                }
            }
        } finally {
            if (events != null) {
                try {
                    events.close();
                } catch (IOException ignored) {
                    // Closing a socket the parent already closed.
                }
            }
            Runtime.getRuntime().halt(exitCode);
        }
    }

    private static void run(ChildRequest request, EventWriter events, OutputCapture output)
            throws IOException, ClassNotFoundException {
        if (request.backendInfo()) {
            long start = System.nanoTime();
            String line = Backend.describe();
            output.drain();
            events.send(new ChildEvent.BackendStarted(line, (System.nanoTime() - start) / 1_000_000L));
        }
        SuiteFiles hidden = readHiddenFiles(events);
        if (request.waitForGo() && !GO.strip().equals(events.readLine())) {
            return;
        }
        long discoveryStart = System.nanoTime();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        Optional<ExerciseIsolation> isolation = ExerciseIsolation.fromSettings(system, hidden);
        // JUnit and the scoring code look suite classes up by name through the context class loader.
        Thread.currentThread().setContextClassLoader(isolation.map(ExerciseIsolation::suiteLookup)
                .orElseGet(() -> ExerciseIsolation.wholeSubmission(system, hidden)));
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(discoveryRequest(request, isolation, hidden));
        events.send(new ChildEvent.Discovered((System.nanoTime() - discoveryStart) / 1_000_000L));
        Watchdog watchdog = new Watchdog(events, request.testTimeoutMillis(), request.graceMillis());
        StreamingSink sink = new StreamingSink(events, output, watchdog);
        watchdog.start();
        launcher.execute(plan, new JUnitEventForwarder(sink,
                isolation.<FailureContext>map(i -> i).orElse(FailureContext.EVERY_COURSE_CLASS)));
    }

    /** The classes a suite package contributes: those named {@code …HiddenTest}. */
    static final String HIDDEN_SUITE_PATTERN = ".*HiddenTest";

    /**
     * The hidden files the parent sends first ({@link HiddenFiles}): the line with their size, then the archive.
     *
     * @throws IOException if the parent sent something else
     */
    private static SuiteFiles readHiddenFiles(EventWriter events) throws IOException {
        String line = events.readLine();
        if (line == null || !line.startsWith(HiddenFiles.HEADER)) {
            throw new IOException("the grader did not send the hidden suites (got " + (line == null ? "nothing" : "another line") + ")");
        }
        int size;
        try {
            size = Integer.parseInt(line.substring(HiddenFiles.HEADER.length()).strip());
        } catch (NumberFormatException e) {
            throw new IOException("the grader sent a malformed size of the hidden suites", e);
        }
        if (size < 0 || size > HiddenFiles.MAX_BYTES) {
            throw new IOException("the grader announced " + size + " bytes of hidden suites");
        }
        return size == 0 ? SuiteFiles.NONE : SuiteFiles.read(events.readBytes(size));
    }

    private static LauncherDiscoveryRequest discoveryRequest(ChildRequest request, Optional<ExerciseIsolation> isolation,
                                                             SuiteFiles hidden) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<DiscoverySelector> selectors = isolation.isPresent() ? isolatedSelectors(request.suites(), isolation.get(), hidden)
                : plainSelectors(request.suites(), context, hidden);
        List<org.junit.platform.engine.Filter<?>> filters = new java.util.ArrayList<>();
        filters.add(new SkipKeysFilter(new HashSet<>(request.skipKeys())));
        if (selectors.stream().allMatch(PackageSelector.class::isInstance)) {
            // A package stands for its hidden suites only, never for helper classes or tests beside them.
            filters.add(ClassNameFilter.includeClassNamePatterns(HIDDEN_SUITE_PATTERN));
        }
        long millis = request.testTimeoutMillis();
        String timeout = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(filters.toArray(new org.junit.platform.engine.Filter<?>[0]))
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.timeout.mode", "enabled",
                        "junit.jupiter.execution.timeout.default", timeout,
                        "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD",
                        "junit.jupiter.execution.parallel.enabled", "false",
                        "junit.jupiter.extensions.autodetection.enabled", "false",
                        // The course's ScoringListener would write a score preview; the parent scores here.
                        "junit.platform.execution.listeners.deactivate", "backproplab.scoring.*"))
                .build();
    }

    /** A name whose last segment starts with a capital letter is a class, anything else a package. */
    static DiscoverySelector selector(String suite) {
        return isClassName(suite) ? selectClass(suite) : selectPackage(suite);
    }

    private static boolean isClassName(String suite) {
        String last = suite.substring(suite.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
    }

    /**
     * One class selector per suite, each suite loaded by {@link ExerciseIsolation} in a class loader of its own; a
     * package stands for its hidden suites ({@value #HIDDEN_SUITE_PATTERN}), in name order.
     */
    private static List<DiscoverySelector> isolatedSelectors(List<String> suites, ExerciseIsolation isolation,
                                                             SuiteFiles hidden) throws ClassNotFoundException {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : suiteNames(suites, hidden)) {
            selectors.add(selectClass(isolation.suiteClass(name)));
        }
        return selectors;
    }

    /** Without a reference: every suite in one loader over the whole submission, the hidden ones defined from memory. */
    private static List<DiscoverySelector> plainSelectors(List<String> suites, ClassLoader loader, SuiteFiles hidden)
            throws ClassNotFoundException {
        if (hidden.isEmpty()) {
            return suites.stream().map(ChildMain::selector).toList();
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : suiteNames(suites, hidden)) {
            selectors.add(selectClass(Class.forName(name, false, loader)));
        }
        return selectors;
    }

    /** The suite classes to run, in name order per package: the hidden ones and those on the class path (an instructor's). */
    private static Set<String> suiteNames(List<String> suites, SuiteFiles hidden) {
        Set<String> names = new LinkedHashSet<>();
        for (String suite : suites) {
            if (isClassName(suite)) {
                names.add(suite);
            } else {
                Set<String> inPackage = new java.util.TreeSet<>(hidden.suitesIn(suite));
                inPackage.addAll(SuitePackages.suitesIn(ClassLoader.getSystemClassLoader(), suite));
                names.addAll(inPackage);
            }
        }
        return names;
    }
}
