package backproplab.grader.engine;

import backproplab.grader.jvm.ClassDataArchive;
import backproplab.grader.sandbox.SandboxRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Lets the plain contract command, {@code java -jar grader.jar grade …}, run in the JVM the platform script starts:
 * C1 only, the serial collector and the grader JVM's own class-data archive ({@link GraderJvmArchive}).
 *
 * <p>A JVM cannot take options once it runs, so a {@code java -jar grader.jar} started with none, when that archive
 * exists, starts the grader again in a tuned JVM and only waits for it, passing on its exit code, its standard streams
 * and a stop signal. Measured on the reference (2 cores, 5 alternated pairs, the whole process tree's CPU from a
 * cpuacct cgroup): medians 5.96 against 6.55 CPU-s and 4.02 against 4.33 s wall, the second JVM's start included.
 * Nothing changes when the JVM was started with options (the platform scripts, a tester's own), when the archive is
 * missing (the first grade after a build makes it, with {@code --cds auto}), or in the tuned JVM itself.
 */
public final class TunedGraderStart {

    /** Set in the tuned JVM to the archive it was started with. */
    static final String ARCHIVE_PROPERTY = "backproplab.grader.archive";

    /** The environment variables through which the {@code java} launcher takes options too. */
    static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private TunedGraderStart() {
    }

    /**
     * Runs the grader in a tuned JVM when that fits this JVM, and waits for it.
     *
     * @param args the grader's arguments
     * @return the tuned JVM's exit code, or empty when the grader should run in this JVM
     */
    public static OptionalInt runIfUseful(String[] args) {
        if (System.getProperty(ARCHIVE_PROPERTY) != null) {
            exitWithParent();
            return OptionalInt.empty();
        }
        Path java = SandboxRunner.currentJava();
        Optional<List<String>> command;
        try {
            command = command(java, ProcessHandle.current().info().arguments(), System.getenv(),
                    GraderJvmArchive.besideJar(java), List.of(args));
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process tuned;
        try {
            tuned = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // A stop signal for this JVM (a timeout, Ctrl-C) stops the tuned one too, which then ends its own test JVMs.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tuned), "stop-tuned-grader"));
        while (true) {
            try {
                return OptionalInt.of(tuned.waitFor());
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; keep waiting for the grader.
            }
        }
    }

    /**
     * The command that starts the grader again, tuned, or empty when this JVM should grade itself: when it was started
     * with JVM options (before {@code -jar}, or through the launcher's environment variables), not from a jar, or
     * without the grader JVM's archive.
     *
     * @param java        the {@code java} executable
     * @param arguments   this JVM's command-line arguments after the executable, if the OS tells them
     * @param environment this process's environment
     * @param archive     the grader JVM's archive for this JDK and grader.jar, if the grader runs from one
     * @param args        the grader's own arguments
     * @return the command, or empty
     */
    static Optional<List<String>> command(Path java, Optional<String[]> arguments, Map<String, String> environment,
                                          Optional<ClassDataArchive> archive, List<String> args) {
        if (arguments.isEmpty() || archive.isEmpty() || !archive.get().exists()) {
            return Optional.empty();
        }
        String[] given = arguments.get();
        if (given.length < 2 || !given[0].equals("-jar")) {
            return Optional.empty();
        }
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.empty();
            }
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(GraderJvmArchive.TRAINING_FLAGS);
        command.addAll(archive.get().flags());
        command.add("-D" + ARCHIVE_PROPERTY + "=" + archive.get().file());
        command.addAll(List.of("-jar", archive.get().archivedPath().get(0).toString()));
        command.addAll(args);
        return Optional.of(command);
    }

    /** What timings.json says of the grader JVM: whether it was started with its archive, and which. */
    static Optional<String> thisJvm() {
        return Optional.ofNullable(System.getProperty(ARCHIVE_PROPERTY)).map(file -> "started again by java -jar "
                + "grader.jar with " + Path.of(file).getFileName() + " (-Xshare:auto), C1 only and the serial collector");
    }

    /** In the tuned JVM: if the JVM that started it ends (killed), this one ends too, running its shutdown hooks. */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
    }

    private static void stop(Process tuned) {
        if (!tuned.isAlive()) {
            return;
        }
        tuned.destroy();
        try {
            if (!tuned.waitFor(10, TimeUnit.SECONDS)) {
                tuned.destroyForcibly();
            }
        } catch (InterruptedException e) {
            tuned.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
