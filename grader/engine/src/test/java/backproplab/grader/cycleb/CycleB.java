package backproplab.grader.cycleb;

import backproplab.grader.cyclea.CycleA;

/** The other half of a package cycle, on purpose. */
public final class CycleB {

    private CycleB() {
    }

    /** @return its partner in the other package */
    public static Object partner() {
        return CycleA.class;
    }
}
