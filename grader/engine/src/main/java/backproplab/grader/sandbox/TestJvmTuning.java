package backproplab.grader.sandbox;

import backproplab.grader.jvm.ClassDataArchive;
import backproplab.grader.jvm.ShortRunJvm;
import backproplab.grader.jvm.WorkFolders;
import backproplab.scoring.GradeCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What makes the test JVM cheaper to run: C1 only ({@link ShortRunJvm#JIT}) and a class-data archive of the classes
 * it loads from its class path ({@link ClassDataArchive}: the JDK, Jackson, JUnit, ND4J and the test-JVM code; the suites
 * are defined from memory, see {@link HiddenFilesArchive}).
 *
 * <p>The archive is trained by a test JVM that runs the bundled suites on an <em>empty</em> submission: it starts
 * exactly as in a grading run (request, ND4J, JUnit discovery and execution of every suite, whose tests then fail for
 * want of the exercise classes), so it loads the grader's classes and no student's. It lives in the folder
 * {@code cds} next to the distribution's {@code lib/} ({@code grader/target/cds}), or, when the suites come from a
 * build tree (the grader's own tests), next to their {@code classes/} folder.
 */
public final class TestJvmTuning {

    /** File name stem of the test JVM's archive. */
    static final String ARCHIVE_NAME = "test-jvm";
    /** The bundled suites, which the training run runs. */
    static final String BUNDLED_SUITES = "backproplab.grader.suites";

    private TestJvmTuning() {
    }

    /** The folder of the class-data archives of this grader: {@code cds} beside {@code lib/}, or beside the suites' class folder. */
    public static Path archiveFolder(RuntimeClasspath classpath) {
        Path suites = classpath.hiddenSuites().isEmpty() ? classpath.graderCode().get(0) : classpath.hiddenSuites().get(0);
        Path parent = suites.toAbsolutePath().normalize().getParent();
        if (parent.getFileName() != null && parent.getFileName().toString().equals("lib") && parent.getParent() != null) {
            return parent.getParent().resolve("cds");
        }
        return parent.resolve("cds");
    }

    /**
     * The test JVM's archive for this class path and JDK (it may not exist). It covers the libraries and the test-JVM
     * code; an instructor's own suites ({@code --suite-path}) and the submission come after them on
     * the class path, which the JDK allows, so they change nothing about which archive is used.
     */
    public static ClassDataArchive archive(RuntimeClasspath classpath, Path java) {
        List<Path> bundled = new ArrayList<>(classpath.libraries());
        bundled.add(classpath.graderCode().get(0));
        return ClassDataArchive.of(ARCHIVE_NAME, archiveFolder(classpath), java, bundled);
    }

    /**
     * The test JVM's tuning flags.
     *
     * @param useArchive whether to use the class-data archive, when there is one
     */
    public static List<String> flags(RuntimeClasspath classpath, Path java, boolean useArchive) {
        List<String> flags = new ArrayList<>(ShortRunJvm.JIT);
        if (useArchive) {
            flags.addAll(archive(classpath, java).flags());
        }
        return flags;
    }

    /**
     * Builds the test JVM's archive from a training run, unless it exists.
     *
     * @param classpath the test JVM's class path (any extra suites are not run, nor archived if they are folders)
     * @param java      the {@code java} executable of the test JVM
     * @return what happened, one line
     * @throws IOException if the training run or the dump fails
     */
    public static String buildArchive(RuntimeClasspath classpath, Path java) throws IOException {
        ClassDataArchive archive = archive(classpath, java);
        if (archive.exists()) {
            return ARCHIVE_NAME + ": " + archive.file() + " exists";
        }
        return archive.build(flags -> train(classpath, java, flags));
    }

    private static void train(RuntimeClasspath classpath, Path java, List<String> extraFlags) throws IOException {
        Path work = Files.createTempDirectory("backproplab-cds-training-");
        try {
            List<String> flags = new ArrayList<>(ShortRunJvm.JIT);
            flags.addAll(extraFlags);
            SandboxRunner runner = new SandboxRunner(SandboxLimits.DEFAULT, classpath, java, true, Map.of(), flags);
            Path empty = Files.createDirectories(work.resolve("empty-submission"));
            runner.run(empty, List.of(BUNDLED_SUITES), new GradeCollector(), work.resolve("run"));
        } finally {
            WorkFolders.delete(work);
        }
    }
}
