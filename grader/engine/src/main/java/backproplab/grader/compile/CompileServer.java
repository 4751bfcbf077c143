package backproplab.grader.compile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived compile JVM ({@link CompileServerMain}) and the grader's end of its pipe: it takes the same
 * {@link CompilerProcess.Request}s as the one-shot javac JVM, one after another, and gives the same
 * {@link CompilerProcess.Result}s, so javac, the API check and the structure rules are JIT-compiled and their classes
 * loaded once per server instead of once per submission.
 *
 * <p>It keeps the one-shot JVM's isolation: a JVM of its own (a submission's compile cannot reach the grader's memory
 * or threads), the same heap cap ({@code -Xmx256m}) and stack size, javac with {@code -proc:none} and no plug-ins (no
 * code of the submission runs at all: the API check loads its classes without initialising them), and a time limit per
 * request: a server that has not answered in time is killed, and the submission gets the verdict the one-shot JVM
 * would have given it ({@link CompilerProcess#tooLong}); the next request starts a fresh server.
 *
 * <p>Nothing of one submission reaches the next: every request gets a new javac task and a new file manager
 * ({@link SubmissionCompiler}), its own class folder, a skeleton API parsed anew and a new class loader for the API
 * check that is closed afterwards, and the structure rules import the request's class folder only. What the JVM keeps from request
 * to request is what does not depend on a submission: loaded and JIT-compiled classes of javac, Jackson, ArchUnit and
 * the grader, javac's view of the Java 17 API (see {@link SubmissionCompiler#languageLevel}), and the rule definitions.
 *
 * <p>CPU time: each answer carries the server's CPU time so far; a request is charged what the server used since the
 * previous answer (its start-up for the first request), so the CPU of a batch's compile servers adds up over its
 * submissions, as the one-shot JVMs' did.
 */
final class CompileServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What the reader thread puts in the queue when the server's output ends. */
    private static final String END = "\u0000end";

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private long cpuCharged;
    private int served;

    private CompileServer(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "compile-server-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a compile server.
     *
     * @param graderClasspath class path that holds the grader's code and libraries
     * @param java            the {@code java} executable
     * @param flags           JVM options ({@link CompilerJvmTuning#flags})
     * @param log             the file that receives the server's standard error
     * @return the running server
     * @throws IOException if the JVM cannot be started
     */
    static CompileServer start(List<Path> graderClasspath, Path java, List<String> flags, Path log) throws IOException {
        List<String> command = CompilerProcess.jvmCommand(java, flags, graderClasspath, CompileServerMain.class);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new CompileServer(process, log);
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answers.add(line);
            }
        } catch (IOException ended) {
            // The server is gone; the END below says so.
        } finally {
            answers.add(END);
        }
    }

    /**
     * Compiles and checks one request.
     *
     * @param request     what to compile
     * @param limitMillis how long the server may take to answer
     * @return the result, its {@code cpuMillis} being what this request is charged of the server's CPU time
     * @throws CompilerProcess.KilledFromOutside if the server was killed by a signal from outside the grader
     * @throws IOException if the server took too long (it is then killed), failed or cannot be reached
     */
    CompilerProcess.Result compile(CompilerProcess.Request request, long limitMillis) throws IOException {
        long logStart = logLength();
        served++;
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.newLine();
            requests.flush();
        } catch (IOException broken) {
            throw died(logStart);
        }
        String answer;
        try {
            answer = answers.poll(limitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        if (answer == null) {
            kill();
            throw new IOException(CompilerProcess.tooLong(limitMillis));
        }
        if (END.equals(answer)) {
            throw died(logStart);
        }
        CompilerProcess.Result result = JSON.readValue(answer, CompilerProcess.Result.class);
        long cpu = result.cpuMillis();
        long charged = cpu < 0 ? -1 : cpu - cpuCharged;
        if (cpu >= 0) {
            cpuCharged = cpu;
        }
        return new CompilerProcess.Result(result.success(), result.errors(), result.warnings(), charged,
                result.javacMillis(), result.findings());
    }

    /** How the server ended, as the one-shot JVM's ending would be told. */
    private IOException died(long logStart) throws IOException {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
                return new IOException("The compile server stopped answering.");
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            return new IOException("interrupted while compiling", e);
        }
        CompilerProcess.KilledFromOutside killed = CompilerProcess.killedFromOutside(process.exitValue());
        if (killed != null) {
            return killed;
        }
        return new IOException("The compiler process failed (exit code " + process.exitValue() + "): "
                + logSince(logStart).strip());
    }

    /** Whether the server can take another request. */
    boolean alive() {
        return process.isAlive();
    }

    /** How many requests it was given. */
    int served() {
        return served;
    }

    /** The server JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** Ends the server at once. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the server's input, so it exits, and kills it if it does not within a few seconds. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // It is ending anyway.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    private long logLength() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long start) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = Math.max(0, file.length() - start);
            byte[] bytes = new byte[(int) Math.min(length, 64 * 1024)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.ofNullable(e.getMessage()).orElse("no log");
        }
    }
}
