package backproplab.grader.sandbox;

import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestEventSink;
import backproplab.scoring.TestStatus;

/**
 * The child's {@link TestEventSink}: writes every test event to the parent, attaching what the test printed
 * just before its end, and tells the {@link Watchdog} which test runs.
 */
final class StreamingSink implements TestEventSink {

    private final EventWriter events;
    private final OutputCapture output;
    private final Watchdog watchdog;

    StreamingSink(EventWriter events, OutputCapture output, Watchdog watchdog) {
        this.events = events;
        this.output = output;
        this.watchdog = watchdog;
    }

    @Override
    public void planned(PlannedTest test) {
        events.send(new SandboxEvent(SandboxEvent.PLANNED, test.id(), test, null, null, null, null, null));
    }

    @Override
    public void started(String id) {
        // Output printed between tests (static initialisers, @BeforeAll) goes to the next test that ends.
        watchdog.beforeTest();
        watchdog.started(id);
        events.send(SandboxEvent.forTest(SandboxEvent.STARTED, id));
    }

    @Override
    public void reportEntry(String id, String key, String value) {
        events.send(new SandboxEvent(SandboxEvent.REPORT_ENTRY, id, null, key, value, null, null, null));
    }

    @Override
    public void output(String id, String text) {
        events.send(new SandboxEvent(SandboxEvent.OUTPUT, id, null, null, null, text, null, null));
    }

    @Override
    public void finished(String id, TestStatus status, String message, long durationMillis) {
        String printed = output.drain();
        if (!printed.isEmpty()) {
            output(id, printed);
        }
        events.send(new SandboxEvent(SandboxEvent.FINISHED, id, null, null, null, message, status, durationMillis));
        watchdog.finished();
    }

    @Override
    public void runFinished() {
        events.send(new SandboxEvent(SandboxEvent.RUN_FINISHED, null, null, null, null, null, null, ProcessCpu.millis()));
    }
}
