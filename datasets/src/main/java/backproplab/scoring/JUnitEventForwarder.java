package backproplab.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A JUnit Platform {@link TestExecutionListener} that passes every test event on to a {@link TestEventSink}
 * as plain values, with tests named by their {@linkplain TestKeys stable key}.
 *
 * <p>It plans every test of the test plan (in the plan's order) before the first one starts, plans
 * dynamic tests as they are registered, measures each test's wall time and turns failures into student
 * messages with {@link FailureMessages#describe(Throwable)}. When a container fails or aborts, for example
 * because a {@code @BeforeAll} method threw, its tests that never started end with the same status and the
 * container's message; when a container is skipped, its tests are skipped with its reason. A {@link FailureContext}
 * says which classes are the student's in each test, and adds a line saying which of the student's code ran to the
 * message of every test that did not pass or skip.
 *
 * <p>It does not score anything: give it a {@link GradeCollector} to score in this JVM (as
 * {@link ScoringListener} does), or a sink that writes an event stream (as the grader's child JVM does).
 */
public class JUnitEventForwarder implements TestExecutionListener {

    private final TestEventSink sink;
    private final LongSupplier clockMillis;
    private final Map<String, String> keyByUniqueId = new HashMap<>();
    private final Set<String> usedKeys = new HashSet<>();
    private final Map<String, Long> startMillis = new HashMap<>();
    private final Set<String> started = new HashSet<>();
    private TestPlan plan;
    private final FailureContext context;

    /**
     * A forwarder that measures durations with {@link System#nanoTime()}.
     *
     * @param sink where the events go
     */
    public JUnitEventForwarder(TestEventSink sink) {
        this(sink, () -> System.nanoTime() / 1_000_000L);
    }

    /**
     * A forwarder with its own clock.
     *
     * @param sink        where the events go
     * @param clockMillis a monotonic clock in milliseconds
     */
    public JUnitEventForwarder(TestEventSink sink, LongSupplier clockMillis) {
        this(sink, clockMillis, FailureContext.EVERY_COURSE_CLASS);
    }

    /**
     * A forwarder for tests in which only some course classes are the student's (the grader's exercise isolation).
     *
     * @param sink    where the events go
     * @param context for a test's key, which classes are the student's code and which of the student's code ran
     */
    public JUnitEventForwarder(TestEventSink sink, FailureContext context) {
        this(sink, () -> System.nanoTime() / 1_000_000L, context);
    }

    private JUnitEventForwarder(TestEventSink sink, LongSupplier clockMillis, FailureContext context) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        for (TestIdentifier test : testsInOrder(testPlan)) {
            sink.planned(GradedLookup.plan(test, keyOf(test)));
        }
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier test) {
        if (test.isTest()) {
            sink.planned(GradedLookup.plan(test, keyOf(test)));
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.add(test.getUniqueId());
            KnownShapes.clear();
            startMillis.put(test.getUniqueId(), clockMillis.getAsLong());
            sink.started(keyOf(test));
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        if (test.isTest()) {
            String key = keyOf(test);
            entry.getKeyValuePairs().forEach((name, value) -> sink.reportEntry(key, name, value));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        String message = reason == null ? "" : reason;
        if (test.isTest()) {
            sink.finished(keyOf(test), TestStatus.SKIPPED, message, 0L);
        } else {
            endUnstartedDescendants(test, TestStatus.SKIPPED, "Skipped with its test class: " + message, null);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        TestStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case ABORTED -> TestStatus.ABORTED;
            case FAILED -> TestStatus.FAILED;
        };
        Throwable failure = result.getThrowable().orElse(null);
        String message = FailureMessages.describe(failure, context.studentClasses(keyOf(test)));
        if (status == TestStatus.FAILED && FailureMessages.isTimeout(failure)) {
            status = TestStatus.TIMED_OUT;
            message = FailureMessages.timedOut(failure);
        }
        if (test.isTest()) {
            Long start = startMillis.remove(test.getUniqueId());
            long duration = start == null ? 0L : clockMillis.getAsLong() - start;
            String key = keyOf(test);
            sink.finished(key, status, withCodeThatRan(key, status, message, failure), duration);
        } else if (status != TestStatus.PASSED) {
            endUnstartedDescendants(test, status, "The test class could not run its tests: " + message, failure);
        }
    }

    /** The message, and for a test that did not pass or skip, the context's line on which of the student's code ran. */
    private String withCodeThatRan(String key, TestStatus status, String message, Throwable failure) {
        if (status == TestStatus.PASSED || status == TestStatus.SKIPPED) {
            return message;
        }
        String line = context.codeThatRan(key, failure);
        return line.isEmpty() ? message : message.isEmpty() ? line : message + "\n" + line;
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        sink.runFinished();
    }

    private void endUnstartedDescendants(TestIdentifier container, TestStatus status, String message, Throwable failure) {
        if (plan == null) {
            return;
        }
        for (TestIdentifier descendant : plan.getDescendants(container)) {
            if (descendant.isTest() && !started.contains(descendant.getUniqueId())) {
                started.add(descendant.getUniqueId());
                String key = keyOf(descendant);
                sink.finished(key, status, withCodeThatRan(key, status, message, failure), 0L);
            }
        }
    }

    private String keyOf(TestIdentifier test) {
        return keyByUniqueId.computeIfAbsent(test.getUniqueId(), id -> {
            String key = TestKeys.key(test);
            String unique = key;
            for (int n = 2; !usedKeys.add(unique); n++) {
                unique = key + "~" + n;
            }
            return unique;
        });
    }

    private static List<TestIdentifier> testsInOrder(TestPlan testPlan) {
        List<TestIdentifier> tests = new ArrayList<>();
        Deque<TestIdentifier> stack = new ArrayDeque<>();
        List<TestIdentifier> roots = new ArrayList<>(testPlan.getRoots());
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            TestIdentifier node = stack.pop();
            if (node.isTest()) {
                tests.add(node);
            }
            List<TestIdentifier> children = new ArrayList<>(testPlan.getChildren(node));
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return tests;
    }
}
