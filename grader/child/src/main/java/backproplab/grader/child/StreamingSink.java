package backproplab.grader.child;

import backproplab.grader.protocol.ChildEvent;
import backproplab.scoring.FailureMessages;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestEventSink;
import backproplab.scoring.TestStatus;

/**
 * The child's {@link TestEventSink}: writes every test event to the parent, attaching what the test printed
 * just before its end, and tells the {@link Watchdog} which test runs. (The line saying which of the student's code ran
 * in a failed test is already in the message: {@link ExerciseIsolation#codeThatRan(String, Throwable)}.)
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
        events.send(new ChildEvent.Planned(test));
    }

    @Override
    public void started(String id) {
        // Output printed between tests (static initialisers, @BeforeAll) goes to the next test that ends.
        watchdog.beforeTest();
        watchdog.started(id);
        events.send(new ChildEvent.Started(id));
    }

    @Override
    public void reportEntry(String id, String key, String value) {
        events.send(new ChildEvent.ReportEntry(id, key, value));
    }

    @Override
    public void output(String id, String text) {
        events.send(new ChildEvent.Output(id, text));
    }

    @Override
    public void finished(String id, TestStatus status, String message, long durationMillis) {
        String printed = output.drain();
        if (!printed.isEmpty()) {
            output(id, printed);
        }
        // Nd4j.gemm's shape errors carry no shapes; ND4J logs them on standard error, which the test's output has.
        String explained = status == TestStatus.PASSED ? message : FailureMessages.withLoggedShapes(message, printed);
        events.send(new ChildEvent.Finished(id, status, explained, durationMillis));
        watchdog.finished();
    }

    @Override
    public void runFinished() {
        events.send(new ChildEvent.RunFinished(ProcessCpu.millis()));
    }
}
