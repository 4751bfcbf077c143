package backproplab.grader.child.archbad;

import backproplab.grader.engine.PhaseTimings;

/** Breaks the layer rule on purpose: code of the test JVM that reaches into the engine. */
public final class ChildThatCallsTheEngine {

    private ChildThatCallsTheEngine() {
    }

    /** @return the engine's clock, which the test JVM must never see */
    public static Object clock() {
        return new PhaseTimings();
    }
}
