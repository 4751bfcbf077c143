package backproplab.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.intake.LoadedSubmission;
import backproplab.grader.sandbox.RuntimeClasspath;
import backproplab.grader.sandbox.SandboxRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's warm compile servers, with real server JVMs: they give what the one-shot javac JVM gives, nothing of one
 * submission reaches the next, and a server that hangs or is killed is replaced without changing any verdict.
 */
@DisplayName("compile servers of a batch")
class CompileServersTest {

    @TempDir
    Path temp;

    static RuntimeClasspath classpath;
    static CompilerProcess.Checks checks;

    @BeforeAll
    static void course() {
        SkeletonApi skeleton = SkeletonApi.bundled();
        classpath = RuntimeClasspath.detect(skeleton.classResources());
        checks = new CompilerProcess.Checks(skeleton.text(), true);
    }

    @Test
    @DisplayName("a served compile gives the one-shot JVM's verdict, errors and check results, and one server serves them all")
    void sameAsOneShot() throws IOException {
        try (CompileServers servers = servers(CompilerProcess.limitMillis())) {
            for (String fixture : List.of("good", "does-not-compile", "wrong-signature", "good")) {
                LoadedSubmission submission = fixture(fixture);
                CompilerProcess oneShot = new CompilerProcess(classpath.engine(), SandboxRunner.currentJava(),
                        CompilerJvmTuning.flags(null, classpath.engine(), SandboxRunner.currentJava(), false));
                CompileResult alone = oneShot.compile(submission, classpath.compileClasspath(),
                        temp.resolve("alone-" + fixture), temp.resolve("alone-work-" + fixture), checks);
                CompilerProcess served = new CompilerProcess(servers);
                CompileResult warm = served.compile(submission, classpath.compileClasspath(),
                        temp.resolve("served-" + fixture + System.nanoTime()), temp.resolve("served-work-" + fixture), checks);

                assertThat(warm.success()).as(fixture).isEqualTo(alone.success());
                assertThat(warm.errors()).as(fixture + " errors").isEqualTo(alone.errors());
                assertThat(warm.warnings()).as(fixture + " warnings").isEqualTo(alone.warnings());
                assertThat(String.valueOf(served.lastFindings() == null ? null : served.lastFindings().api()))
                        .as(fixture + " API check").isEqualTo(String.valueOf(
                                oneShot.lastFindings() == null ? null : oneShot.lastFindings().api()));
                assertThat(String.valueOf(served.lastFindings() == null ? null : served.lastFindings().structure()))
                        .as(fixture + " structure rules").isEqualTo(String.valueOf(
                                oneShot.lastFindings() == null ? null : oneShot.lastFindings().structure()));
            }
            assertThat(servers.started()).as("servers started for four submissions in a row").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a class of one submission is not there for the next one, in javac or in the API check")
    void nothingLeaksBetweenSubmissions() throws IOException {
        Path first = source(temp.resolve("first"), "leak/Secret.java", "package leak;\npublic final class Secret {\n"
                + "    public static int value() { return 42; }\n}\n");
        Path second = source(temp.resolve("second"), "user/User.java", "package user;\npublic final class User {\n"
                + "    public static int peek() { return leak.Secret.value(); }\n}\n");
        try (CompileServers servers = servers(CompilerProcess.limitMillis())) {
            CompileResult secret = new CompilerProcess(servers).compile(submission(first), classpath.compileClasspath(),
                    temp.resolve("first-classes"), temp.resolve("first-work"), checks);
            assertThat(secret.success()).as("the first submission compiles: %s", secret.errors()).isTrue();

            CompileResult user = new CompilerProcess(servers).compile(submission(second), classpath.compileClasspath(),
                    temp.resolve("second-classes"), temp.resolve("second-work"), checks);

            assertThat(servers.started()).as("both in the same server").isEqualTo(1);
            assertThat(user.success()).as("the second submission must not see the first one's class").isFalse();
            assertThat(user.errorText()).contains("package leak does not exist");
        }
    }

    @Test
    @DisplayName("each request is charged the server's CPU time since the previous answer, not the server's total")
    void cpuChargedPerRequest() throws IOException {
        try (CompileServers servers = servers(CompilerProcess.limitMillis())) {
            CompilerProcess first = new CompilerProcess(servers);
            first.compile(fixture("good"), classpath.compileClasspath(), temp.resolve("c1"), temp.resolve("w1"), checks);
            CompilerProcess second = new CompilerProcess(servers);
            second.compile(fixture("good"), classpath.compileClasspath(), temp.resolve("c2"), temp.resolve("w2"), checks);
            long total = ProcessHandle.of(servers.running().get(0)).orElseThrow().info().totalCpuDuration()
                    .map(Duration::toMillis).orElseThrow();

            assertThat(first.lastCpuMillis()).as("first request").isPositive();
            assertThat(second.lastCpuMillis()).as("second request").isPositive();
            assertThat(first.lastCpuMillis() + second.lastCpuMillis()).as("both, against the server's CPU time %d ms", total)
                    .isLessThanOrEqualTo(total + 20);
        }
    }

    @Test
    @DisplayName("a server that does not answer within the limit is killed, the submission is told as by the one-shot JVM, and the next request gets a fresh server")
    void tooSlowIsKilled() throws IOException {
        // No JVM starts and compiles within 1 ms: the first request of a new server always takes longer.
        try (CompileServers servers = servers(1)) {
            CompilerProcess compiler = new CompilerProcess(servers);
            assertThatThrownBy(() -> compiler.compile(fixture("good"), classpath.compileClasspath(), temp.resolve("c1"),
                    temp.resolve("w1"), checks)).isInstanceOf(IOException.class).hasMessage(CompilerProcess.tooLong(1));
            assertThat(servers.running()).as("the slow server is gone").isEmpty();

            assertThatThrownBy(() -> new CompilerProcess(servers).compile(fixture("good"), classpath.compileClasspath(),
                    temp.resolve("c2"), temp.resolve("w2"), checks)).hasMessage(CompilerProcess.tooLong(1));
            assertThat(servers.started()).as("a fresh server for the next request").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a server killed from outside while idle is replaced, and the next submission compiles as before")
    void killedWhileIdle() throws IOException {
        try (CompileServers servers = servers(CompilerProcess.limitMillis())) {
            new CompilerProcess(servers).compile(fixture("good"), classpath.compileClasspath(), temp.resolve("c1"),
                    temp.resolve("w1"), checks);
            kill(servers.running().get(0));

            CompileResult again = new CompilerProcess(servers).compile(fixture("good"), classpath.compileClasspath(),
                    temp.resolve("c2"), temp.resolve("w2"), checks);

            assertThat(again.success()).as("%s", again.errors()).isTrue();
            assertThat(servers.started()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a server killed from outside in the middle of a request is no fault of the submission: it is compiled again in a fresh server")
    void killedMidRequestIsRetried() throws Exception {
        try (CompileServers servers = servers(CompilerProcess.limitMillis())) {
            CompilerProcess compiler = new CompilerProcess(servers);
            CompletableFuture<CompileResult> compiling = CompletableFuture.supplyAsync(() -> {
                try {
                    return compiler.compile(fixture("good"), classpath.compileClasspath(), temp.resolve("c1"),
                            temp.resolve("w1"), checks);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // The first request of a new server takes a JVM start and a cold javac: it is killed long before it answers.
            while (servers.running().isEmpty() && !compiling.isDone()) {
                Thread.sleep(5);
            }
            kill(servers.running().get(0));

            CompileResult result = compiling.get();

            assertThat(result.success()).as("%s", result.errors()).isTrue();
            assertThat(servers.started()).as("the killed server and the one of the retry").isEqualTo(2);
        }
    }

    private CompileServers servers(long limitMillis) throws IOException {
        return new CompileServers(classpath.engine(), SandboxRunner.currentJava(),
                CompilerJvmTuning.flags(null, classpath.engine(), SandboxRunner.currentJava(), false), limitMillis);
    }

    private static void kill(long pid) {
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
    }

    private static LoadedSubmission fixture(String name) {
        try {
            Path root = Path.of(CompileServersTest.class.getResource("/submissions/" + name).toURI());
            return submission(root);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoadedSubmission submission(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return new LoadedSubmission(root, root, files.filter(f -> f.toString().endsWith(".java")).sorted().toList(),
                    "source folder");
        }
    }

    private static Path source(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return root;
    }
}
