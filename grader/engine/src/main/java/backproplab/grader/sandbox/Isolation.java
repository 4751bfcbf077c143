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
                    + "JDK module.", null, null);

    private final IsolationLevel level;
    private final String note;
    private final Bubblewrap bubblewrap;
    private final ModuleLimits.Applied limit;

    private Isolation(IsolationLevel level, String note, Bubblewrap bubblewrap, ModuleLimits.Applied limit) {
        this.level = level;
        this.note = note;
        this.bubblewrap = bubblewrap;
        this.limit = limit;
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
        return choose(required, java, classpath, true);
    }

    /**
     * Picks the isolation of a grade, as {@link #choose(IsolationLevel, Path, RuntimeClasspath)} does; the module
     * limit is the test JVM's runtime image ({@link ModuleLimits#applied}) when it exists and {@code useImage}.
     *
     * @param required  the level an instructor requires, or {@code null} for the best available
     * @param java      the JDK's java executable (the test JVM's, unless the image is used)
     * @param classpath the grader's class paths
     * @param useImage  whether the test JVM may be the runtime image's JVM
     * @return the isolation
     * @throws UnavailableException if {@code required} is {@link IsolationLevel#FULL} and bubblewrap does not work here
     */
    public static Isolation choose(IsolationLevel required, Path java, RuntimeClasspath classpath, boolean useImage)
            throws UnavailableException {
        if (required == IsolationLevel.NONE) {
            return NONE;
        }
        ModuleLimits.Applied limit = ModuleLimits.applied(java, TestJvmTuning.archiveFolder(classpath), useImage);
        if (required == IsolationLevel.MODULES) {
            return modulesOnly("(--isolation modules)", limit);
        }
        Bubblewrap.Probe probe = Bubblewrap.probe(limit, classpath.libraries());
        if (probe.works()) {
            return full(probe.bubblewrap(), limit);
        }
        if (limit.image()) {
            // The sandbox's uid may not reach the image's folder: the JDK with --limit-modules may still work there.
            ModuleLimits.Applied flag = ModuleLimits.applied(java, TestJvmTuning.archiveFolder(classpath), false);
            Bubblewrap.Probe again = Bubblewrap.probe(flag, classpath.libraries());
            if (again.works()) {
                return full(again.bubblewrap(), new ModuleLimits.Applied(flag.java(), flag.jvmOptions(),
                        "--limit-modules, the sandbox cannot run the runtime image: " + probe.problem(), false));
            }
        }
        if (required == IsolationLevel.FULL) {
            throw new UnavailableException("--isolation full was required, but " + probe.problem() + ".");
        }
        return modulesOnly("— " + probe.problem(), limit);
    }

    private static Isolation modulesOnly(String why, ModuleLimits.Applied limit) {
        return new Isolation(IsolationLevel.MODULES, "Isolation: modules only " + why + ". The test JVM runs with the "
                + "grader's own OS rights and network; its JDK modules are limited to " + modules() + " ("
                + limit.how() + ").", null, limit);
    }

    private static Isolation full(Bubblewrap bubblewrap, ModuleLimits.Applied limit) {
        return new Isolation(IsolationLevel.FULL, "Isolation: full (" + bubblewrap.description() + "; JDK modules "
                + "limited to " + modules() + ", by " + limit.how() + ").", bubblewrap, limit);
    }

    /**
     * The test JVM's {@code java} executable: the runtime image's when the modules are limited by one, else the JDK's.
     *
     * @param java the JDK's {@code java} executable
     */
    public Path testJava(Path java) {
        return limit != null && limit.image() ? limit.java() : java;
    }

    /** Whether the test JVM runs from the runtime image, whose JVM maps its own class-data archive. */
    public boolean runsFromImage() {
        return limit != null && limit.image();
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
            case FULL -> bubblewrap.layout(hostScratch, limit.jvmOptions());
            case MODULES -> SandboxLayout.host(hostScratch, limit.jvmOptions());
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
