package backproplab.grader.sandbox;

import java.util.Locale;

/**
 * How far the test JVM, where student code runs, is shut off from the machine. Each level adds to the one below it.
 */
public enum IsolationLevel {

    /**
     * {@link #MODULES}, and on Linux the test JVM runs in a bubblewrap sandbox: as uid 65534, in its own PID, network,
     * IPC and mount namespaces, with every file read-only except its scratch folder, a private {@code /tmp} and a cap on
     * its processes. It cannot signal or trace the grader, reach the network, write outside its scratch folder, or leave
     * a process behind.
     */
    FULL,

    /**
     * The test JVM sees only the JDK modules the suites and ND4J need ({@link ModuleLimits}): no compiler, JShell,
     * scripting, attach, instrumentation, management or debugger API. It runs with the grader's own OS rights.
     */
    MODULES,

    /** The test JVM runs with the grader's own OS rights and every JDK module (a separate JVM, nothing more). */
    NONE;

    /** The level's name on the command line and in the reports: {@code full}, {@code modules}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
