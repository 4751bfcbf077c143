package backproplab.scoring;

import backproplab.runtime.Backend;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Scores a JUnit Platform test run in the JVM that runs it.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so every
 * launcher that auto-registers listeners (Surefire, IDEs, the console launcher) scores the run the same
 * way. It forwards the events to a {@link GradeCollector} through a {@link JUnitEventForwarder}, and when
 * the test plan finishes it hands the {@link GradeReport} to its consumer.
 *
 * <p>The instance made by the service loader writes a <em>score preview</em> ({@code ScorePreview}: the visible
 * tests on the grade's scale, each exercise weighted as in the grade by {@link GradeWeights}, then their
 * {@link ScoreTable}), to {@code target/score-preview.txt} (only if the working directory has a {@code target}
 * directory, as in a Maven build) or to the file named by the system property {@value #PREVIEW_FILE_PROPERTY}.
 * Set the system property {@value #PREVIEW_PROPERTY} to {@code false} to turn it off. Runs without a
 * single graded test write nothing. Nothing is printed to the console, where it would mix with the build
 * tool's own output. When several test plans run in one JVM, the preview covers all of them.
 *
 * <p>The grader does not score with this listener: its child JVM forwards the raw events to the parent,
 * which replays them into its own {@link GradeCollector}.
 *
 * <pre>{@code
 * ScoringListener scoring = new ScoringListener(Backend::describe, report -> {});
 * Launcher launcher = LauncherFactory.create();
 * launcher.execute(LauncherDiscoveryRequestBuilder.request()
 *         .selectors(DiscoverySelectors.selectClass(BackwardHiddenTest.class)).build(), scoring);
 * GradeReport report = scoring.report().orElseThrow();
 * }</pre>
 */
public final class ScoringListener implements TestExecutionListener {

    /** System property: {@code false} turns the score preview off. */
    public static final String PREVIEW_PROPERTY = "backproplab.scoring.preview";

    /** System property: the file the score preview is written to, instead of {@code target/score-preview.txt}. */
    public static final String PREVIEW_FILE_PROPERTY = "backproplab.scoring.preview.file";

    private final GradeCollector collector = new GradeCollector();
    private final JUnitEventForwarder forwarder = new JUnitEventForwarder(collector);
    private final Supplier<String> backend;
    private final Consumer<GradeReport> onReport;
    private volatile GradeReport report;

    /** The listener the service loader makes: it writes the score preview. */
    public ScoringListener() {
        this(ScoringListener::describeBackend, ScorePreview::writeIfEnabled);
    }

    /**
     * A listener that hands each report to {@code onReport} and writes no preview.
     *
     * @param backend  the backend line; asked only when the run has a graded test, so that a run without
     *                 graded tests does not start ND4J
     * @param onReport receives the report each time a test plan finishes
     */
    public ScoringListener(Supplier<String> backend, Consumer<GradeReport> onReport) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.onReport = Objects.requireNonNull(onReport, "onReport");
    }

    /**
     * The report of the last test plan that finished (including the tests of earlier plans of this listener).
     *
     * @return the report, or empty before any test plan finished
     */
    public Optional<GradeReport> report() {
        return Optional.ofNullable(report);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        forwarder.testPlanExecutionStarted(testPlan);
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier testIdentifier) {
        forwarder.dynamicTestRegistered(testIdentifier);
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        forwarder.executionStarted(testIdentifier);
    }

    @Override
    public void executionSkipped(TestIdentifier testIdentifier, String reason) {
        forwarder.executionSkipped(testIdentifier, reason);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        forwarder.reportingEntryPublished(testIdentifier, entry);
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        forwarder.executionFinished(testIdentifier, testExecutionResult);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        forwarder.testPlanExecutionFinished(testPlan);
        GradeReport withoutBackend = collector.report("");
        GradeReport finished = withoutBackend.gradedTests().isEmpty()
                ? withoutBackend : collector.report(backend.get());
        report = finished;
        onReport.accept(finished);
    }

    private static String describeBackend() {
        try {
            return Backend.describe();
        } catch (RuntimeException | LinkageError e) {
            return "ND4J backend unavailable: " + e;
        }
    }
}
