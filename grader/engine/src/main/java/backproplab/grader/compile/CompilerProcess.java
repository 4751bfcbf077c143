package backproplab.grader.compile;

import backproplab.grader.child.ProcessCpu;
import backproplab.grader.intake.LoadedSubmission;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a submission in a short-lived JVM of its own, started with the C1 compiler only
 * ({@code -XX:TieredStopAtLevel=1}) and the serial collector: javac then needs about half the CPU time it
 * needs in a fully tiered JVM, which matters on one or half a CPU (Gradescope), and the grader's own JVM
 * stays small. Same options and messages as {@link SubmissionCompiler}, which it runs.
 *
 * <p>Usage of the child: {@code java ... backproplab.grader.compile.CompilerProcess <request.json> <result.json>}.
 */
public final class CompilerProcess {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How long a compile may take before it is given up; javac on a course-sized submission needs seconds. */
    private static final long LIMIT_SECONDS = 180;

    /**
     * What the child compiles.
     *
     * @param displayRoot the folder paths are shown relative to
     * @param sourceRoot  the source root
     * @param sources     the source files
     * @param form        how the submission was given
     * @param classpath   the libraries to compile against
     * @param classesDir  where the class files go
     */
    public record Request(String displayRoot, String sourceRoot, List<String> sources, String form,
                          List<String> classpath, String classesDir) {
    }

    /**
     * What the child found.
     *
     * @param success  whether every file compiled
     * @param errors   the formatted error messages
     * @param warnings how many warnings there were
     * @param cpuMillis the compiler JVM's CPU time, or {@code -1} if unknown
     */
    public record Result(boolean success, List<String> errors, int warnings, long cpuMillis) {
    }

    private final List<Path> graderClasspath;
    private final Path java;
    private long lastCpuMillis = -1;

    /**
     * @param graderClasspath class path that holds this class and Jackson (the grader's code and libraries)
     * @param java            the {@code java} executable
     */
    public CompilerProcess(List<Path> graderClasspath, Path java) {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.java = java;
    }

    /**
     * Compiles in a child JVM.
     *
     * @param submission the sources
     * @param classpath  the libraries to compile against
     * @param classesDir where the class files go
     * @param workDir    a folder for the request and result files
     * @return the compiler's verdict
     * @throws IOException if the child cannot run or gives no result
     */
    public CompileResult compile(LoadedSubmission submission, List<Path> classpath, Path classesDir, Path workDir)
            throws IOException {
        try {
            return compileOnce(submission, classpath, classesDir, workDir);
        } catch (KilledFromOutside first) {
            // A stray signal is no fault of the submission's: try once more; a second one is the grader's problem.
            try {
                return compileOnce(submission, classpath, classesDir, workDir);
            } catch (KilledFromOutside again) {
                throw new IOException(again.getMessage() + " It happened again when the grader tried once more.", again);
            }
        }
    }

    /** The compiler JVM ended by a signal that another process sent (hang-up, interrupt, kill, terminate). */
    static final class KilledFromOutside extends IOException {
        private static final long serialVersionUID = 1L;

        KilledFromOutside(String message) {
            super(message);
        }
    }

    private CompileResult compileOnce(LoadedSubmission submission, List<Path> classpath, Path classesDir,
                                      Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path requestFile = workDir.resolve("compile-request.json");
        Path resultFile = workDir.resolve("compile-result.json");
        Request request = new Request(submission.displayRoot().toString(), submission.sourceRoot().toString(),
                submission.sources().stream().map(Path::toString).toList(), submission.form(),
                classpath.stream().map(Path::toString).toList(), classesDir.toString());
        JSON.writeValue(requestFile.toFile(), request);
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m", "-Xmx256m",
                "-cp", String.join(File.pathSeparator, graderClasspath.stream().map(Path::toString).toList()),
                CompilerProcess.class.getName(), requestFile.toString(), resultFile.toString()));
        Path log = workDir.resolve("compile.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("javac did not finish within " + LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        int signal = process.exitValue() - 128;
        if (signal == 1 || signal == 2 || signal == 9 || signal == 15) {
            throw new KilledFromOutside("The compiler process was killed by signal " + signal
                    + " from outside the grader.");
        }
        if (process.exitValue() != 0 || !Files.exists(resultFile)) {
            throw new IOException("The compiler process failed (exit code " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
        Result result = JSON.readValue(resultFile.toFile(), Result.class);
        lastCpuMillis = result.cpuMillis();
        return new CompileResult(result.success(), classesDir, result.errors(), result.warnings());
    }

    /** CPU time of the last compiler JVM, in milliseconds, or {@code -1} if unknown. */
    public long lastCpuMillis() {
        return lastCpuMillis;
    }

    /**
     * Child entry point.
     *
     * @param args the request file and the result file
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Request request = JSON.readValue(Path.of(args[0]).toFile(), Request.class);
        LoadedSubmission submission = new LoadedSubmission(Path.of(request.displayRoot()), Path.of(request.sourceRoot()),
                request.sources().stream().map(Path::of).toList(), request.form());
        CompileResult result = new SubmissionCompiler(request.classpath().stream().map(Path::of).toList())
                .compile(submission, Path.of(request.classesDir()));
        JSON.writeValue(Path.of(args[1]).toFile(), new Result(result.success(), result.errors(), result.warnings(),
                backproplab.grader.child.ProcessCpu.millis()));
    }
}
