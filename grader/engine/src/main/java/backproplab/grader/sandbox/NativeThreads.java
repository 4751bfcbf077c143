package backproplab.grader.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One thread for the native libraries of a test JVM: OpenMP (ND4J's own loops), OpenBLAS and MKL. The course's arrays
 * hold a few hundred numbers, where more threads only wait for each other, and on a shared machine they slow every
 * grade down. {@code Backend.init} sets ND4J's threads once ND4J is loaded, but OpenBLAS sizes its thread pool from
 * the environment when the library loads, so the variables must already be set when the JVM starts. A value the
 * grader itself was started with is kept (an instructor may want more threads); the sandbox lets these names through.
 */
final class NativeThreads {

    /** The variables set, each to 1 unless already present. */
    static final List<String> VARIABLES = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS");

    private NativeThreads() {
    }

    /** Sets each of {@link #VARIABLES} to 1 in {@code environment} (a test JVM's), unless it has a value already. */
    static void singleThreaded(Map<String, String> environment) {
        for (String name : VARIABLES) {
            environment.putIfAbsent(name, "1");
        }
    }
}
