package backproplab.grader.e2e;

import backproplab.grader.compile.CompileResult;
import backproplab.grader.compile.SubmissionCompiler;
import backproplab.grader.intake.LoadedSubmission;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.intake.SubmissionLoader;
import backproplab.grader.intake.SubmissionRejectedException;
import backproplab.grader.sandbox.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course's own source trees, seen from the grader module's tests: the reference
 * ({@code solutions/src/main/java}) and the generated skeleton ({@code exercises/src/main/java}).
 */
public final class CourseTree {

    private CourseTree() {
    }

    /** The repository root (above grader/engine, where Surefire runs these tests). */
    public static Path root() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        for (Path folder = module; folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("solutions/src/main/java")) && Files.isDirectory(folder.resolve("grader"))) {
                return folder;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (with solutions/src/main/java) from " + module);
    }

    /** The reference sources, {@code solutions/src/main/java}. */
    public static Path reference() {
        return root().resolve("solutions/src/main/java");
    }

    /** The skeleton sources, {@code exercises/src/main/java}. */
    public static Path skeleton() {
        return root().resolve("exercises/src/main/java");
    }

    /**
     * Compiles a source folder the way the grade CLI does (same loader, compiler and class path).
     *
     * @return the folder of class files
     * @throws AssertionError with the compiler's messages if it does not compile
     */
    public static Path compile(Path sources, Path workDir) {
        try {
            LoadedSubmission loaded = new SubmissionLoader(SubmissionLimits.DEFAULT).load(sources, workDir);
            RuntimeClasspath classpath = RuntimeClasspath.detect(List.of("backproplab/activations/Activations.class"));
            CompileResult result = new SubmissionCompiler(classpath.compileClasspath()).compile(loaded, workDir.resolve("classes"));
            if (!result.success()) {
                throw new AssertionError("Expected " + sources + " to compile, but javac said:\n" + result.errorText());
            }
            return result.classesDir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (backproplab.grader.intake.SubmissionRejectedException e) {
            throw new AssertionError("The grader refused " + sources + ": " + e.getMessage(), e);
        }
    }

    /** Copies a source tree (the mutants edit a copy of the reference). */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }
}
