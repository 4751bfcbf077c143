package backproplab.grader.compile;

import backproplab.grader.intake.LoadedSubmission;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission in-process with {@code javax.tools}: Java 17 ({@link #languageLevel}), UTF-8, no annotation
 * processing, against the course runtime class path (datasets, ND4J). Errors come back as messages a
 * student can read; the compiler never throws at the student's mistakes.
 */
public final class SubmissionCompiler {

    /** At most this many errors are reported, like javac's own default. */
    public static final int MAX_ERRORS = 100;

    private final List<Path> classpath;

    /** @param classpath the libraries a submission compiles against */
    public SubmissionCompiler(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /**
     * The options that make javac compile Java 17 against the Java 17 API. On a JDK 17, {@code -source 17 -target 17}
     * compiles against its own runtime image, which is exactly that API, and the class files are the same byte for
     * byte as with {@code --release 17}, which reads the API from {@code ct.sym} (a zip file) instead: about 0.15
     * CPU-seconds of each compile. Any newer JDK needs {@code --release 17}, so that a submission cannot use a newer API.
     *
     * @param jdkFeature the feature version of the JDK that runs javac ({@code Runtime.version().feature()})
     */
    static List<String> languageLevel(int jdkFeature) {
        return jdkFeature == 17 ? List.of("-source", "17", "-target", "17") : List.of("--release", "17");
    }

    /**
     * Compiles every source of the submission into {@code classesDir}.
     *
     * @throws IOException           if the class files cannot be written
     * @throws IllegalStateException if this Java runtime has no compiler (a JRE instead of a JDK)
     */
    public CompileResult compile(LoadedSubmission submission, Path classesDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("This Java runtime has no compiler (javax.tools). Run the grader with a JDK 17 or newer, not a JRE.");
        }
        Files.createDirectories(classesDir);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(languageLevel(Runtime.version().feature()));
            options.addAll(List.of(
                    "-encoding", "UTF-8",
                    "-proc:none",
                    "-g",
                    "-Xmaxerrs", String.valueOf(MAX_ERRORS),
                    "-implicit:none",
                    "-d", classesDir.toString(),
                    "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(submission.sources());
            StringWriter compilerOutput = new StringWriter();
            boolean success = Boolean.TRUE.equals(
                    compiler.getTask(compilerOutput, files, diagnostics, options, null, units).call());
            List<String> errors = new ArrayList<>();
            int warnings = 0;
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(format(diagnostic, submission));
                } else {
                    warnings++;
                }
            }
            if (!success && errors.isEmpty()) {
                errors.add("The compiler failed without an error message: " + compilerOutput.toString().strip());
            }
            return new CompileResult(success, classesDir, errors, warnings);
        }
    }

    private static String format(Diagnostic<? extends JavaFileObject> diagnostic, LoadedSubmission submission) {
        String message = diagnostic.getMessage(Locale.ROOT);
        JavaFileObject source = diagnostic.getSource();
        if (source == null) {
            return "error: " + message;
        }
        Path file = Path.of(source.toUri());
        StringBuilder text = new StringBuilder(submission.display(file));
        if (diagnostic.getLineNumber() > 0) {
            text.append(':').append(diagnostic.getLineNumber());
        }
        text.append(": error: ").append(message);
        sourceLine(file, diagnostic).ifPresent(line -> text.append('\n').append(line));
        return text.toString();
    }

    /** The offending line and a caret under the column, as javac prints them. */
    private static java.util.Optional<String> sourceLine(Path file, Diagnostic<? extends JavaFileObject> diagnostic) {
        long lineNumber = diagnostic.getLineNumber();
        if (lineNumber <= 0) {
            return java.util.Optional.empty();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String line = lines.skip(lineNumber - 1).findFirst().orElse(null);
            if (line == null) {
                return java.util.Optional.empty();
            }
            long column = diagnostic.getColumnNumber();
            String caret = column > 0 && column <= line.length() + 1
                    ? "\n" + " ".repeat((int) column - 1) + "^" : "";
            return java.util.Optional.of(line.replace('\t', ' ') + caret);
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }
}
