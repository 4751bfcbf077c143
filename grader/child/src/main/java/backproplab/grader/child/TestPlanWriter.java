package backproplab.grader.child;

import backproplab.grader.protocol.TestPlanFile;
import backproplab.scoring.JUnitEventForwarder;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestEventSink;
import backproplab.scoring.TestStatus;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Writes the complete plan of the hidden suites ({@link TestPlanFile}) when the suites are built: it runs the suites
 * as the test JVM does, with every test body and lifecycle method skipped ({@link SkipBodies}), so that the
 * parameterised tests' argument sources still produce their invocations. Keys and points are those the test JVM
 * sends, since the same {@link JUnitEventForwarder} names them.
 *
 * <p>Usage: {@code TestPlanWriter <output file> <suite package or class>...}. It never calls {@code System.exit}
 * (the build runs it inside Maven's JVM); it throws when a suite cannot be planned.
 */
public final class TestPlanWriter {

    private static final String EXTENSIONS = "META-INF/services/" + Extension.class.getName();

    private TestPlanWriter() {
    }

    /**
     * @param args the output file, then the suites
     * @throws IOException if the plan cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: TestPlanWriter <output file> <suite package or class>...");
        }
        List<PlannedTest> plan = plan(List.of(args).subList(1, args.length));
        TestPlanFile.write(Path.of(args[0]), plan);
        System.out.println("[test plan] " + plan.size() + " tests, "
                + plan.stream().mapToDouble(PlannedTest::points).sum() + " points -> " + args[0]);
    }

    /**
     * The plan of the given suites, in the order the test JVM runs them.
     *
     * @param suites packages or classes, as in a {@code ChildRequest}
     * @return every test, with the invocations of parameterised tests
     */
    public static List<PlannedTest> plan(List<String> suites) throws IOException {
        Path services = Files.createTempFile("test-plan-extensions", ".txt");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader base = previous != null ? previous : TestPlanWriter.class.getClassLoader();
        try {
            Files.writeString(services, SkipBodies.class.getName() + "\n", StandardCharsets.UTF_8);
            thread.setContextClassLoader(new WithSkipBodies(base, services.toUri().toURL()));
            Recorder recorder = new Recorder();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(launcher.discover(request(suites)), new JUnitEventForwarder(recorder));
            if (!recorder.problems.isEmpty()) {
                throw new IllegalStateException("the suites could not be planned: " + recorder.problems);
            }
            return List.copyOf(recorder.tests.values());
        } finally {
            thread.setContextClassLoader(previous);
            Files.deleteIfExists(services);
        }
    }

    private static LauncherDiscoveryRequest request(List<String> suites) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(suites.stream().map(ChildMain::selector).toList())
                .configurationParameters(Map.of(
                        "junit.jupiter.extensions.autodetection.enabled", "true",
                        "junit.jupiter.execution.parallel.enabled", "false",
                        "junit.platform.execution.listeners.deactivate", "backproplab.scoring.*"));
        if (suites.stream().allMatch(s -> ChildMain.selector(s) instanceof
                org.junit.platform.engine.discovery.PackageSelector)) {
            builder.filters(ClassNameFilter.includeClassNamePatterns(ChildMain.HIDDEN_SUITE_PATTERN));
        }
        return builder.build();
    }

    /** Keeps the planned tests; any test that did not end as passed (skipped bodies pass) is a planning problem. */
    private static final class Recorder implements TestEventSink {
        final Map<String, PlannedTest> tests = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public void planned(PlannedTest test) {
            tests.put(test.id(), test);
        }

        @Override
        public void started(String id) {
        }

        @Override
        public void reportEntry(String id, String key, String value) {
        }

        @Override
        public void output(String id, String text) {
        }

        @Override
        public void finished(String id, TestStatus status, String message, long durationMillis) {
            if (status != TestStatus.PASSED) {
                problems.add(id + ": " + status + " " + message);
            }
        }
    }

    /** The build's class loader, plus a service file that turns on {@link SkipBodies} for the planning run only. */
    private static final class WithSkipBodies extends ClassLoader {
        private final URL services;

        WithSkipBodies(ClassLoader parent, URL services) {
            super(parent);
            this.services = services;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (EXTENSIONS.equals(name)) {
                return Collections.enumeration(List.of(services));
            }
            return super.getResources(name);
        }
    }
}
