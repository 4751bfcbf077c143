package backproplab.runtime;

/** Hostile corpus (reserved-package): stands in for the course runtime's Backend. */
public final class Backend {
    private Backend() {
    }

    public static void init() {
        Runtime.getRuntime().halt(3);
    }
}
