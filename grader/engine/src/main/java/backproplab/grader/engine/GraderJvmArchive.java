package backproplab.grader.engine;

import backproplab.grader.intake.SkeletonSources;
import backproplab.grader.jvm.ClassDataArchive;
import backproplab.grader.jvm.WorkFolders;
import backproplab.grader.sandbox.RuntimeClasspath;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class-data archive of the grader's own JVM, {@code java -jar grader.jar}.
 *
 * <p>The contract command takes no JVM options: a plain {@code java -jar grader.jar grade} uses this archive by
 * starting the grader again with it ({@link TunedGraderStart}); the first grade after a build with {@code --cds auto}
 * builds it, after the other archives ({@link ClassDataSharing#buildMissing}). The platform script
 * ({@code backproplab-grade.sh}) starts the grader with options of its own. It adds this archive when the image has
 * one: Gradescope's {@code setup.sh} builds it with the other archives. The training run grades the bundled skeleton
 * with the script's JIT and collector options, so the archive holds the classes of compiling, checking, supervising a
 * test JVM and writing every report. The archive covers {@code grader.jar} and the jars its manifest names, nothing
 * else. It is found by its name's hash of the JDK and those jars, and {@code -Xshare:auto} ignores one that does not
 * fit (see {@link ClassDataArchive}).
 */
public final class GraderJvmArchive {

    /** File name stem of the archive; the platform script looks for {@value}-*.jsa. */
    static final String NAME = "grader-jvm";

    /** The platform script's options for the grader JVM that change which classes it loads. */
    static final List<String> TRAINING_FLAGS = List.of("-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true");

    private static final long TRAINING_LIMIT_SECONDS = 300;

    private GraderJvmArchive() {
    }

    /** The platform script's grader JVM options that change which classes it loads; the training run uses them. */
    public static List<String> trainingFlags() {
        return TRAINING_FLAGS;
    }

    /**
     * The archive for this grader and JDK, or none when the grader does not run from {@code grader.jar} (a build tree).
     *
     * @param classpath the grader's class path, for the folder of the archives
     * @param java      the {@code java} executable of the platform script's grader JVM
     * @return the archive, which may not exist yet
     */
    public static Optional<ClassDataArchive> archive(RuntimeClasspath classpath, Path java) {
        return graderJar().map(jar -> ClassDataArchive.of(NAME, ClassDataSharing.folder(classpath), java, List.of(jar)));
    }

    /**
     * The archive for this grader and JDK found from grader.jar alone, in the {@code cds} folder beside it (where
     * {@link #archive} puts it in the distribution's layout), without reading the whole class path: for
     * {@link TunedGraderStart}, before anything else starts.
     *
     * @param java the {@code java} executable
     * @return the archive (which may not exist), or none when the grader does not run from {@code grader.jar}
     */
    static Optional<ClassDataArchive> besideJar(Path java) {
        return graderJar().filter(jar -> jar.getParent() != null)
                .map(jar -> ClassDataArchive.of(NAME, jar.getParent().resolve("cds"), java, List.of(jar)));
    }

    /**
     * Builds the archive unless it exists.
     *
     * @return what happened, one line
     * @throws IOException if the training grade or the dump fails
     */
    public static String build(RuntimeClasspath classpath, Path java) throws IOException {
        Optional<ClassDataArchive> archive = archive(classpath, java);
        if (archive.isEmpty()) {
            return NAME + ": skipped (the grader runs from class folders, not from grader.jar)";
        }
        if (archive.get().exists()) {
            return NAME + ": " + archive.get().file() + " exists";
        }
        Path jar = archive.get().archivedPath().get(0);
        return archive.get().build(flags -> train(java, jar, flags));
    }

    /** Grades the bundled skeleton once with the platform script's options and {@code flags}. */
    private static void train(Path java, Path jar, List<String> flags) throws IOException {
        Path work = Files.createTempDirectory("backproplab-grader-cds-");
        try {
            Path submission = work.resolve("skeleton");
            for (Map.Entry<String, String> file : SkeletonSources.bundled().entrySet()) {
                Path target = submission.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(flags);
            command.addAll(TRAINING_FLAGS);
            command.addAll(List.of("-jar", jar.toString(), "grade", submission.toString(),
                    "--out", work.resolve("out").toString(), "--cds", "use"));
            Path log = work.resolve("training.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("the training grade of the skeleton took longer than " + TRAINING_LIMIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted during the training grade", e);
            }
            if (process.exitValue() != 0) {
                throw new IOException("the training grade of the skeleton exited with " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse(""));
            }
        } finally {
            WorkFolders.delete(work);
        }
    }

    /**
     * The grader's entry point, which {@code java -jar grader.jar} runs: the {@code Main-Class} of its manifest.
     *
     * @return the main class, or none when the grader does not run from a jar or the jar's manifest names none
     */
    static Optional<String> mainClass() {
        return graderJar().flatMap(jar -> {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                return Optional.ofNullable(manifest == null ? null
                        : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The jar this class was loaded from, when it is one. */
    private static Optional<Path> graderJar() {
        try {
            Path location = Path.of(GraderJvmArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.getFileName().toString().endsWith(".jar")
                    ? Optional.of(location.toAbsolutePath().normalize()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
