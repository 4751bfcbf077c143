package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The isolation of a grade's test JVMs, chosen once per grade ({@link #choose}): its {@link IsolationLevel}, the
 * sentence the reports carry about it, and the means to lay out each test JVM ({@link SandboxLayout}).
 */
public final class Isolation {

    /** The test JVM as it always was: the grader's rights, every module. */
    public static final Isolation NONE = new Isolation(IsolationLevel.NONE,
            "Isolation: none (--isolation none): the test JVM runs with the grader's own OS rights, network and every "
                    + "JDK module.", null);

    private final IsolationLevel level;
    private final String note;
    private final Bubblewrap bubblewrap;

    private Isolation(IsolationLevel level, String note, Bubblewrap bubblewrap) {
        this.level = level;
        this.note = note;
        this.bubblewrap = bubblewrap;
    }

    /** Thrown when an instructor requires a level that this machine cannot give. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Picks the isolation of a grade. With no requirement, it is {@link IsolationLevel#FULL} when bubblewrap works
     * here (checked by running {@code java -version} in the sandbox), else {@link IsolationLevel#MODULES}; the note
     * says which and why.
     *
     * @param required  the level an instructor requires, or {@code null} for the best available
     * @param java      the test JVM's java executable
     * @param classpath the grader's class paths (the test JVM's libraries fill ND4J's native cache)
     * @return the isolation
     * @throws UnavailableException if {@code required} is {@link IsolationLevel#FULL} and bubblewrap does not work here
     */
    public static Isolation choose(IsolationLevel required, Path java, RuntimeClasspath classpath)
            throws UnavailableException {
        if (required == IsolationLevel.NONE) {
            return NONE;
        }
        if (required == IsolationLevel.MODULES) {
            return modulesOnly("(--isolation modules)");
        }
        Bubblewrap.Probe probe = Bubblewrap.probe(java, classpath.libraries());
        if (probe.works()) {
            return full(probe.bubblewrap());
        }
        if (required == IsolationLevel.FULL) {
            throw new UnavailableException("--isolation full was required, but " + probe.problem() + ".");
        }
        return modulesOnly("— " + probe.problem());
    }

    private static Isolation modulesOnly(String why) {
        return new Isolation(IsolationLevel.MODULES, "Isolation: modules only " + why + ". The test JVM runs with the "
                + "grader's own OS rights and network; its JDK modules are limited to " + modules() + ".", null);
    }

    private static Isolation full(Bubblewrap bubblewrap) {
        return new Isolation(IsolationLevel.FULL, "Isolation: full (" + bubblewrap.description() + "; JDK modules "
                + "limited to " + modules() + ").", bubblewrap);
    }

    private static String modules() {
        return String.join(", ", ModuleLimits.MODULES);
    }

    /** The level that runs. */
    public IsolationLevel level() {
        return level;
    }

    /** One sentence for the reports: the level, and why when it is not full. */
    public String note() {
        return note;
    }

    /**
     * Lays out one test JVM around its host scratch folder.
     *
     * @param hostScratch the folder for the test JVM's files (request, socket, pictures, temporary files)
     * @return where the test JVM sees its files, and how it starts
     */
    SandboxLayout layout(Path hostScratch) throws IOException {
        Objects.requireNonNull(hostScratch, "hostScratch");
        return switch (level) {
            case FULL -> bubblewrap.layout(hostScratch);
            case MODULES -> SandboxLayout.host(hostScratch, ModuleLimits.jvmOptions());
            case NONE -> SandboxLayout.host(hostScratch, List.of());
        };
    }

    /** Lets the test JVM read a folder the grader wrote (the compiled submission). */
    void openForReading(Path folder) throws IOException {
        if (bubblewrap != null) {
            bubblewrap.openForReading(folder);
        }
    }

    @Override
    public String toString() {
        return level.label();
    }
}
