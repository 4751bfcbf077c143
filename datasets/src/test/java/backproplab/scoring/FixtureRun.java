package backproplab.scoring;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixture classes on a real JUnit Platform launcher, with only the listener under test registered. */
final class FixtureRun {

    static final String BACKEND = "ND4J backend TEST (fixture), BLAS NONE, 1 thread, data type DOUBLE";

    private FixtureRun() {
    }

    static GradeReport score(Class<?>... fixtures) {
        AtomicReference<GradeReport> report = new AtomicReference<>();
        ScoringListener listener = new ScoringListener(() -> BACKEND, report::set);
        launcher().execute(request(fixtures), listener);
        return report.get();
    }

    static TestPlan plan(Class<?>... fixtures) {
        return launcher().discover(request(fixtures));
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
    }

    private static LauncherDiscoveryRequest request(Class<?>... fixtures) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toList())
                .configurationParameter("junit.platform.output.capture.stdout", "true")
                .build();
    }
}
