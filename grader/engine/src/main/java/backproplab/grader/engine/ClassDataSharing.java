package backproplab.grader.engine;

import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.compile.CompilerJvmTuning;
import backproplab.grader.compile.CompilerProcess;
import backproplab.grader.jvm.ClassDataArchive;
import backproplab.grader.jvm.RuntimeImage;
import backproplab.grader.jvm.ShortRunJvm;
import backproplab.grader.sandbox.ModuleLimits;
import backproplab.grader.sandbox.RuntimeClasspath;
import backproplab.grader.sandbox.SandboxRunner;
import backproplab.grader.sandbox.TestJvmTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class-data archives of the grader's short-lived JVMs (the test JVM and the javac JVM) and the test JVM's
 * runtime image ({@link ModuleLimits}, {@link RuntimeImage}), in the folder {@code cds} next to {@code grader.jar}'s
 * {@code lib/}: whether a grading run uses them, and building the missing ones (see {@link ClassDataArchive} for what they hold, how they are trained, and why a stale one is never used).
 */
public final class ClassDataSharing {

    /** What a grading run does with the archives. */
    public enum Mode {
        /** Use them, and build the missing ones after the reports are written (the first run after a build). */
        AUTO,
        /** Use them when they exist, never build (containers that start fresh for every submission). */
        USE,
        /** Neither. */
        OFF
    }

    private ClassDataSharing() {
    }

    /** The folder of the archives. */
    public static Path folder(RuntimeClasspath classpath) {
        return TestJvmTuning.archiveFolder(classpath);
    }

    /** The test JVM's runtime image ({@link ModuleLimits}) for this JDK, which may not exist. */
    static RuntimeImage image(RuntimeClasspath classpath, Path java) {
        return ModuleLimits.image(folder(classpath), java);
    }

    /** The test JVM's {@code java}: the runtime image's when it exists, else the JDK's. */
    static Path testJava(RuntimeClasspath classpath, Path java) {
        return image(classpath, java).java().orElse(java);
    }

    /** The archives of this grader for the {@code java} executable of its JVMs (the grader JVM's when it runs from a jar). */
    static List<ClassDataArchive> archives(RuntimeClasspath classpath, Path java) {
        List<ClassDataArchive> archives = new ArrayList<>(List.of(TestJvmTuning.archive(classpath, testJava(classpath, java)),
                CompilerJvmTuning.archive(folder(classpath), classpath.engine(), java)));
        GraderJvmArchive.archive(classpath, java).ifPresent(archives::add);
        return archives;
    }

    /** Whether the runtime image or an archive of a session's JVMs is missing, and could be built. */
    public static boolean missing(GradingSession session) {
        return missing(session.classpath(), session.settings().java());
    }

    /** Builds what {@link #missing(GradingSession)} found missing; one line per image or archive. */
    public static List<String> buildMissing(GradingSession session) {
        return buildMissing(session.classpath(), session.settings().java());
    }

    /**
     * Keeps C2 away from this JVM, in the background ({@link ShortRunJvm#keepC2Away}), for the grader's own short
     * {@code java -jar grader.jar} JVM.
     */
    public static void keepC2AwayInBackground() {
        Thread noC2 = new Thread(ShortRunJvm::keepC2Away, "keep-c2-away");
        noC2.setDaemon(true);
        noC2.start();
    }

    /** Whether the runtime image or an archive that could be built is missing, and their folder can be written. */
    public static boolean missing(RuntimeClasspath classpath, Path java) {
        RuntimeImage image = image(classpath, java);
        boolean imageMissing = image.java().isEmpty() && image.problem().isEmpty();
        return (imageMissing || archives(classpath, java).stream().anyMatch(a -> !a.archivedPath().isEmpty() && !a.exists()))
                && writable(folder(classpath));
    }

    /**
     * Builds the missing archives.
     *
     * @return one line per archive: built, present, skipped, or why it failed (a failure leaves grading as it was)
     */
    public static List<String> buildMissing(RuntimeClasspath classpath, Path java) {
        List<String> lines = new ArrayList<>();
        Path folder = folder(classpath);
        if (!writable(folder)) {
            lines.add("Class-data archives: " + folder + " cannot be written; the JVMs run without them.");
            return lines;
        }
        RuntimeImage image = image(classpath, java);
        try {
            lines.add(image.build());
        } catch (IOException | RuntimeException e) {
            lines.add(ModuleLimits.IMAGE_NAME_FOR_REPORTS + ": not built (" + e.getMessage()
                    + "); the test JVM runs the JDK with --limit-modules.");
        }
        try {
            lines.add(TestJvmTuning.buildArchive(classpath, testJava(classpath, java)));
        } catch (IOException | RuntimeException e) {
            lines.add("test-jvm: not built (" + e.getMessage() + "); the test JVM runs without it.");
        }
        try {
            SkeletonApi skeleton = SkeletonApi.bundled();
            lines.add(CompilerJvmTuning.buildArchive(folder, classpath.engine(), java, classpath.compileClasspath(),
                    new CompilerProcess.Checks(skeleton.text(), true), skeleton.packages().first()));
        } catch (IOException | RuntimeException e) {
            lines.add("javac-jvm: not built (" + e.getMessage() + "); the javac JVM runs without it.");
        }
        // After the others: its training grade runs with them, as later grades do.
        try {
            lines.add(GraderJvmArchive.build(classpath, java));
        } catch (IOException | RuntimeException e) {
            lines.add(GraderJvmArchive.NAME + ": not built (" + e.getMessage() + "); the grader JVM runs without it.");
        }
        return lines;
    }

    /**
     * Builds the missing archives of this grader for the JDK that runs this, the grader's own JVM's included
     * ({@link GraderJvmArchive}), for a container image that is built once and then
     * grades with {@code --cds use} (Gradescope's {@code setup.sh}):
     * {@code java -cp grader.jar backproplab.grader.engine.ClassDataSharing}.
     *
     * @param args none
     */
    public static void main(String[] args) throws IOException {
        RuntimeClasspath classpath = RuntimeClasspath.detect(SkeletonApi.bundled().classResources());
        Path java = SandboxRunner.currentJava();
        if (args.length == 1 && args[0].equals("--check")) {
            List<String> lines = check(classpath, java);
            lines.forEach(System.out::println);
            System.exit(lines.stream().anyMatch(line -> line.contains("FAILS")) ? 1 : 0);
        }
        List<String> lines = buildMissing(classpath, java);
        lines.forEach(System.out::println);
        System.exit(lines.stream().anyMatch(line -> line.contains("not built") || line.contains("cannot be written")) ? 1 : 0);
    }

    /**
     * Shows whether each archive is in use: starts each JVM as a grading run does (its tuning flags and class path) but
     * with {@code -Xshare:on}, which fails unless the archive maps, and counts the classes it loads from the archive.
     * The test JVM starts ND4J ({@code backproplab.runtime.Backend}), the javac JVM runs {@code javac -version}.
     * Run it with {@code java -cp grader.jar backproplab.grader.engine.ClassDataSharing --check}.
     *
     * @return one line per archive
     * @throws IOException if a JVM cannot be started
     */
    public static List<String> check(RuntimeClasspath classpath, Path java) throws IOException {
        List<String> lines = new ArrayList<>();
        Path empty = Files.createTempDirectory("backproplab-cds-check-");
        try {
            RuntimeImage image = image(classpath, java);
            lines.add(image.java().map(j -> "test-runtime: the test JVM runs from the image " + image.folder()
                    + " (only the modules " + String.join(",", ModuleLimits.MODULES) + ", its own CDS archive)")
                    .orElse("test-runtime: no image (" + image.problem().orElse("not made yet")
                            + "); the test JVM runs the JDK with --limit-modules and no CDS"));
            ClassDataArchive test = TestJvmTuning.archive(classpath, testJava(classpath, java));
            lines.add(describe("test-jvm", test, test.exists() ? test.check(ShortRunJvm.JIT, classpath.childClasspath(empty),
                    List.of("backproplab.runtime.Backend")) : null, "starting ND4J"));
            if (test.exists()) {
                SkeletonApi skeleton = SkeletonApi.bundled();
                List<String> names = test.classNames();
                List<String> exercise = names.stream().filter(name -> skeleton.packages().stream()
                        .anyMatch(p -> name.startsWith(p + "."))).toList();
                lines.add(exercise.isEmpty()
                        ? "test-jvm: the archive holds " + names.size() + " classes, none of an exercise package"
                        : "test-jvm: the archive FAILS: it holds exercise classes " + exercise);
            }
            ClassDataArchive javac = CompilerJvmTuning.archive(folder(classpath), classpath.engine(), java);
            lines.add(describe("javac-jvm", javac, javac.exists() ? javac.check(ShortRunJvm.JIT, classpath.engine(),
                    List.of("com.sun.tools.javac.Main", "-version")) : null, "javac -version"));
            GraderJvmArchive.archive(classpath, java).ifPresent(grader -> GraderJvmArchive.mainClass().ifPresent(main ->
                    lines.add(describeQuietly("grader-jvm", grader, GraderJvmArchive.TRAINING_FLAGS, List.of(main, "--help"),
                            "grader --help"))));
        } finally {
            Files.deleteIfExists(empty);
        }
        return lines;
    }

    private static String describeQuietly(String name, ClassDataArchive archive, List<String> flags, List<String> mainAndArgs,
                                          String what) {
        try {
            return describe(name, archive, archive.exists() ? archive.check(flags, archive.archivedPath(), mainAndArgs) : null,
                    what);
        } catch (IOException e) {
            return name + ": " + archive.file() + " FAILS to be checked: " + e.getMessage();
        }
    }

    private static String describe(String name, ClassDataArchive archive, ClassDataArchive.Usage usage, String what) {
        if (usage == null) {
            return name + ": no archive for this JDK and class path" + (archive.archivedPath().isEmpty()
                    ? " (the class path starts with a class folder: nothing to archive)" : " (" + archive.file() + ")");
        }
        return usage.mapped()
                ? String.format(Locale.ROOT, "%s: %s is in use (-Xshare:on maps it): of the %d classes %s loads, %d"
                        + " come from it", name, archive.file().getFileName(), usage.loaded(), what, usage.shared())
                : name + ": " + archive.file() + " FAILS to map under -Xshare:on: " + usage.problem();
    }

    private static boolean writable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }
}
