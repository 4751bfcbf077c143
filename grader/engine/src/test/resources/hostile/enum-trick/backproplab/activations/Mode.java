package backproplab.activations;

/** Hostile corpus (enum-trick): an enum whose constant body starts a process when it is initialised. */
enum Mode {
    FAST {
        @Override
        void touch() {
        }
    };

    static {
        try {
            new ProcessBuilder("sh", "-c", "sleep 600; echo backproplab-hostile-enum-trick").start();
        } catch (Exception ignored) { }
    }

    abstract void touch();
}
