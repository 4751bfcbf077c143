package backproplab.grader.cyclea;

import backproplab.grader.cycleb.CycleB;

/** One half of a package cycle, on purpose. */
public final class CycleA {

    private CycleA() {
    }

    /** @return its partner in the other package */
    public static Object partner() {
        return CycleB.partner();
    }
}
