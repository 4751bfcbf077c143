package backproplab.grader.compile;

import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.checks.StructureRules;
import backproplab.grader.checks.SubmissionChecks;
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
 * ({@code -XX:TieredStopAtLevel=1}), the serial collector and, when there is one, a class-data archive
 * ({@link CompilerJvmTuning}): javac then needs about a third of the CPU time it needs in a fully tiered JVM
 * without the archive, which matters on one or half a CPU (Gradescope), and the grader's own JVM stays small.
 * Same options and messages as {@link SubmissionCompiler}, which it runs. Asked to, it then runs the checks on the
 * class files ({@link SubmissionChecks}: packages, API, structure rules) in the same JVM, where they cost about a
 * third of what they cost in the grader's JVM (no JVM start of their own, C1 and the archive).
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
     * @param checks      what to check once it compiled, or {@code null} for nothing
     */
    public record Request(String displayRoot, String sourceRoot, List<String> sources, String form,
                          List<String> classpath, String classesDir, Checks checks) {
    }

    /**
     * The checks the child runs on the class files ({@link SubmissionChecks}).
     *
     * @param skeletonApi    the skeleton's API ({@link SkeletonApi#text()})
     * @param structureRules whether to check the registered structure rules ({@link StructureRules.Registered})
     */
    public record Checks(String skeletonApi, boolean structureRules) {
    }

    /**
     * What the child found.
     *
     * @param success     whether every file compiled
     * @param errors      the formatted error messages
     * @param warnings    how many warnings there were
     * @param cpuMillis   the compiler JVM's CPU time, or {@code -1} if unknown
     * @param javacMillis wall time of javac in the child
     * @param findings    what the checks found, or {@code null} if none ran (none asked, or it did not compile)
     */
    public record Result(boolean success, List<String> errors, int warnings, long cpuMillis, long javacMillis,
                         SubmissionChecks.Findings findings) {
    }

    private final List<Path> graderClasspath;
    private final Path java;
    private final List<String> tuningFlags;
    private final CompileServers servers;
    private long lastCpuMillis = -1;
    private Result lastResult;

    /**
     * @param graderClasspath class path that holds this class and Jackson (the grader's code and libraries)
     * @param java            the {@code java} executable
     * @param tuningFlags     JVM options that make the compiler JVM cheaper ({@link CompilerJvmTuning#flags})
     */
    public CompilerProcess(List<Path> graderClasspath, Path java, List<String> tuningFlags) {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.java = java;
        this.tuningFlags = List.copyOf(tuningFlags);
        this.servers = null;
    }

    /**
     * Compiles in a warm compile server of {@code servers} instead of a JVM of its own: the same request, the same
     * result, the same retry after a kill from outside; {@link #lastCpuMillis()} is then the server's CPU time charged
     * to this request ({@link CompileServer}).
     *
     * @param servers the batch's compile servers
     */
    public CompilerProcess(CompileServers servers) {
        this.graderClasspath = List.of();
        this.java = null;
        this.tuningFlags = List.of();
        this.servers = servers;
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
        return compile(submission, classpath, classesDir, workDir, null);
    }

    /**
     * Compiles in a child JVM and, if it compiled, checks the class files there ({@link #lastFindings()}). A compiler
     * JVM killed by a signal from outside is no fault of the submission's: it is tried once more, and a second such
     * death is the grader's problem (an {@link IOException}).
     *
     * @param submission the sources
     * @param classpath  the libraries to compile against
     * @param classesDir where the class files go
     * @param workDir    a folder for the request and result files
     * @param checks     what to check, or {@code null} for nothing
     * @return the compiler's verdict
     * @throws IOException if the child cannot run or gives no result
     */
    public CompileResult compile(LoadedSubmission submission, List<Path> classpath, Path classesDir, Path workDir,
                                 Checks checks) throws IOException {
        try {
            return compileOnce(submission, classpath, classesDir, workDir, checks);
        } catch (KilledFromOutside first) {
            try {
                return compileOnce(submission, classpath, classesDir, workDir, checks);
            } catch (KilledFromOutside again) {
                throw new IOException(again.getMessage() + " It happened again when the grader tried once more.", again);
            }
        }
    }

    /**
     * The death of a compiler JVM that no submission can cause: a signal from another process (hang-up, interrupt,
     * kill, terminate), given as the exit value a {@link Process} reports for it (128 + the signal).
     *
     * @param exitValue the process's exit value
     * @return the exception to retry on, or {@code null} if it was not such a death
     */
    static KilledFromOutside killedFromOutside(int exitValue) {
        int signal = exitValue - 128;
        return signal == 1 || signal == 2 || signal == 9 || signal == 15 ? killedBy(signal) : null;
    }

    private static KilledFromOutside killedBy(int signal) {
        return new KilledFromOutside("The compiler process was killed by signal " + signal + " from outside the grader.");
    }

    /** How long a compile (and its checks) may take before it is given up, in milliseconds. */
    static long limitMillis() {
        return LIMIT_SECONDS * 1000;
    }

    /** What a compile that took longer than {@code limitMillis} is told, one-shot or served alike. */
    static String tooLong(long limitMillis) {
        return "javac did not finish within " + (limitMillis % 1000 == 0 ? limitMillis / 1000 + " s" : limitMillis + " ms");
    }

    /** The compiler JVM ended by a signal that another process sent (hang-up, interrupt, kill, terminate). */
    static final class KilledFromOutside extends IOException {
        private static final long serialVersionUID = 1L;

        KilledFromOutside(String message) {
            super(message);
        }
    }

    private CompileResult compileOnce(LoadedSubmission submission, List<Path> classpath, Path classesDir,
                                      Path workDir, Checks checks) throws IOException {
        Files.createDirectories(workDir);
        Path requestFile = workDir.resolve("compile-request.json");
        Path resultFile = workDir.resolve("compile-result.json");
        Request request = new Request(submission.displayRoot().toString(), submission.sourceRoot().toString(),
                submission.sources().stream().map(Path::toString).toList(), submission.form(),
                classpath.stream().map(Path::toString).toList(), classesDir.toString(), checks);
        JSON.writeValue(requestFile.toFile(), request);
        Result result = servers != null ? servers.compile(request) : runOneShot(requestFile, resultFile, workDir);
        lastCpuMillis = result.cpuMillis();
        lastResult = result;
        return new CompileResult(result.success(), classesDir, result.errors(), result.warnings());
    }

    /**
     * The command that starts a compiler JVM: {@code java}, the tuning flags, the stack size and the heap cap, the
     * grader's class path, the main class and its arguments. The one-shot JVM and the compile servers both start from
     * it, so they run within the same caps.
     */
    static List<String> jvmCommand(Path java, List<String> flags, List<Path> graderClasspath, Class<?> main,
                                   String... arguments) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(flags);
        command.addAll(List.of("-Xss4m", "-Xmx256m",
                "-cp", String.join(File.pathSeparator, graderClasspath.stream().map(Path::toString).toList()),
                main.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    private Result runOneShot(Path requestFile, Path resultFile, Path workDir) throws IOException {
        List<String> command = jvmCommand(java, tuningFlags, graderClasspath, CompilerProcess.class,
                requestFile.toString(), resultFile.toString());
        Path log = workDir.resolve("compile.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(tooLong(LIMIT_SECONDS * 1000));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        KilledFromOutside killed = killedFromOutside(process.exitValue());
        if (killed != null) {
            throw killed;
        }
        if (process.exitValue() != 0 || !Files.exists(resultFile)) {
            throw new IOException("The compiler process failed (exit code " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
        return JSON.readValue(resultFile.toFile(), Result.class);
    }

    /** CPU time of the last compiler JVM, in milliseconds, or {@code -1} if unknown. */
    public long lastCpuMillis() {
        return lastCpuMillis;
    }

    /** What the checks of the last compile found, or {@code null} if none ran. */
    public SubmissionChecks.Findings lastFindings() {
        return lastResult == null ? null : lastResult.findings();
    }

    /** Wall time of javac in the last compiler JVM, in milliseconds, or {@code -1} if unknown. */
    public long lastJavacMillis() {
        return lastResult == null ? -1 : lastResult.javacMillis();
    }

    /**
     * Child entry point.
     *
     * @param args the request file and the result file
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Request request = JSON.readValue(Path.of(args[0]).toFile(), Request.class);
        JSON.writeValue(Path.of(args[1]).toFile(), handle(request));
    }

    /**
     * What the child does with one request, in the one-shot JVM ({@link #main}) and in the compile server
     * ({@link CompileServerMain}) alike: a new {@link SubmissionCompiler} (a new javac task and file manager), then the
     * checks on the class files, with the skeleton's API parsed anew and a new class loader for the submission.
     *
     * @param request what to compile and check
     * @return the result, with this JVM's CPU time so far
     * @throws IOException if the class files cannot be written or read
     */
    static Result handle(Request request) throws IOException {
        LoadedSubmission submission = new LoadedSubmission(Path.of(request.displayRoot()), Path.of(request.sourceRoot()),
                request.sources().stream().map(Path::of).toList(), request.form());
        List<Path> libraries = request.classpath().stream().map(Path::of).toList();
        long start = System.nanoTime();
        CompileResult result = new SubmissionCompiler(libraries).compile(submission, Path.of(request.classesDir()));
        long javacMillis = (System.nanoTime() - start) / 1_000_000L;
        SubmissionChecks.Findings findings = null;
        if (result.success() && request.checks() != null) {
            findings = SubmissionChecks.run(result.classesDir(), SkeletonApi.parse(request.checks().skeletonApi()),
                    libraries, request.checks().structureRules() ? StructureRules.load() : null);
        }
        return new Result(result.success(), result.errors(), result.warnings(), ProcessCpu.millis(), javacMillis,
                findings);
    }
}
