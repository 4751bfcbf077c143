package backproplab.activations;

/** Hostile corpus (dollar-class): a top-level class named like a nested one. */
final class Activations$Cache {
    private Activations$Cache() {
    }

    static void touch() {
    }
}
