package backproplab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student flow end to end: export, commit, fresh clone, then build the clone with its own wrapper, as a
 * student would: first the skeleton, then with the reference sources copied in, then one exercise alone.
 * Slow (nested Maven builds); runs in the grader's integration-test phase. Maven runs offline on the local
 * repository the course build filled; -Dbackproplab.export.online=true lets it download.
 */
@DisplayName("The exported student repository, fresh-cloned, builds and tests on its own")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentExportIT {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(15);
    private static final Pattern TODO_TASK = Pattern.compile("TODO \\[([A-Za-z0-9_.]+)\\]");

    @TempDir
    static Path temp;
    private Path clone;

    @BeforeAll
    void exportCommitAndClone() throws IOException {
        StudentExport.Result export = new StudentExport(CourseRepo.root()).exportTo(temp.resolve("export"));
        assertThat(export.leaks()).as("leaks found by the export itself").isEmpty();
        git(export.root(), "init", "-q");
        git(export.root(), "add", "-A");
        git(export.root(), "-c", "user.name=Backprop Lab", "-c", "user.email=export@backproplab.invalid",
                "commit", "-q", "-m", "Student repository");
        clone = temp.resolve("clone");
        git(temp, "clone", "-q", export.root().toString(), clone.toString());
    }

    @Test
    @Order(1)
    @DisplayName("the clone holds every exported file (nothing ignored by .gitignore), and the scan finds no leak")
    void cloneIsCompleteAndClean() throws IOException {
        assertThat(files(clone)).as("files of the fresh clone compared with the export (is a needed file git-ignored?)")
                .isEqualTo(files(temp.resolve("export")));
        assertThat(Files.isExecutable(clone.resolve("mvnw"))).as("mvnw is executable in the clone").isTrue();
        assertThat(new LeakScanner().scanTree(clone)).as("leaks in the clone %s", clone).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("on the skeleton, ./mvnw -B test fails only in TODO tests, each failure naming a task of the skeleton")
    void skeletonFailsOnlyInTodoTests() throws IOException {
        Set<String> tasks = skeletonTasks(clone.resolve("exercises/src/main/java"));
        ProcessRun build = maven("skeleton", "test");

        assertThat(build.exitCode()).as("exit code of ./mvnw -B test on the skeleton (the TODO tests must fail): %s",
                build.describe()).isNotIn(0, -1);
        assertThat(build.output()).as("the skeleton must compile: %s", build.describe()).doesNotContain("COMPILATION ERROR");
        assertThat(clone.resolve("datasets/target/classes/backproplab/scoring/ScoringListener.class"))
                .as("the export builds its own datasets module").exists();
        List<SurefireReports.TestCase> cases = SurefireReports.read(clone.resolve("exercises"));
        assertThat(cases).as("test cases reported by the skeleton build: %s", build.describe()).isNotEmpty();
        List<SurefireReports.TestCase> failed = cases.stream().filter(SurefireReports.TestCase::failed).toList();
        assertThat(failed).as("failed tests on the skeleton (a skeleton where no test fails is no exercise)").isNotEmpty();
        for (SurefireReports.TestCase test : failed) {
            Matcher todo = TODO_TASK.matcher(test.message());
            assertThat(todo.find()).as("failure of %s must be a TODO naming its task; got %s (report %s)",
                    test.className() + " > " + test.name(), test.type() + ": " + test.message(), test.report()).isTrue();
            assertThat(tasks).as("the task named by the failure of %s", test.className() + " > " + test.name())
                    .contains(todo.group(1));
        }
        System.out.printf("Skeleton build: %d tests, %d failed (all TODO), %d s%n", cases.size(), failed.size(),
                build.millis() / 1000);
    }

    @Test
    @Order(3)
    @DisplayName("with the reference sources copied in, every test passes, and no jar the build makes or resolves leaks")
    void referencePassesAndJarsAreClean() throws IOException {
        Path sources = clone.resolve("exercises/src/main/java");
        deleteTree(sources);
        copyTree(CourseRepo.root().resolve("solutions/src/main/java"), sources);

        ProcessRun build = maven("reference", "package", "dependency:build-classpath",
                "-Dmdep.outputFile=target/classpath.txt");

        assertThat(build.exitCode()).as("exit code of ./mvnw -B package on the reference: %s", build.describe()).isZero();
        List<SurefireReports.TestCase> cases = SurefireReports.read(clone.resolve("exercises"));
        assertThat(cases).as("test cases of the reference build").isNotEmpty();
        assertThat(cases.stream().filter(SurefireReports.TestCase::failed).map(Object::toString).toList())
                .as("failed tests with the reference sources").isEmpty();
        assertThat(clone.resolve("exercises/target/score-preview.txt"))
                .as("the score preview the student README and workflow promise (written only when visible tests carry "
                        + "@Graded points; do they? %s)", visibleTestsCarryPoints()).exists().content().contains("Preview score: ")
                .contains(" / 100.0 (visible tests only");

        List<Path> jars = new ArrayList<>();
        for (String module : List.of("datasets", "exercises")) {
            Path classpath = clone.resolve(module + "/target/classpath.txt");
            assertThat(classpath).as("dependency:build-classpath output of %s", module).exists();
            for (String entry : Files.readString(classpath).trim().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
            try (Stream<Path> built = Files.list(clone.resolve(module + "/target"))) {
                built.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
            }
        }
        assertThat(jars).as("jars resolved by the export must not come from the course's own artifacts in %s",
                localRepository()).noneMatch(jar -> jar.startsWith(localRepository().resolve("dev/backproplab")));
        assertThat(jars).as("the export's exercises module uses the datasets jar it built itself")
                .contains(clone.resolve("datasets/target/datasets-0.1.0-SNAPSHOT.jar"));
        LeakScanner scanner = new LeakScanner();
        List<Leak> leaks = new ArrayList<>();
        for (Path jar : new TreeSet<>(jars)) {
            if (jar.toString().endsWith(".jar")) {
                leaks.addAll(scanner.scanJar(jar));
            }
        }
        assertThat(leaks).as("leaks in the %d jars the export builds or resolves", new TreeSet<>(jars).size()).isEmpty();
        System.out.printf("Reference build: %d tests passed, %d jars scanned, %d s%n", cases.size(),
                new TreeSet<>(jars).size(), build.millis() / 1000);
    }

    @Test
    @Order(4)
    @DisplayName("one exercise's tests run alone with the command of the README")
    void oneExerciseAlone() throws IOException {
        deleteTree(clone.resolve("exercises/target/surefire-reports"));

        ProcessRun build = maven("one-exercise", "test", "-Dtest=backproplab.chainrule.*Test");

        assertThat(build.exitCode()).as("exit code of ./mvnw -B test -Dtest='backproplab.chainrule.*Test': %s",
                build.describe()).isZero();
        List<SurefireReports.TestCase> cases = SurefireReports.read(clone.resolve("exercises"));
        assertThat(cases).as("tests run by -Dtest='backproplab.chainrule.*Test'").isNotEmpty()
                .extracting(SurefireReports.TestCase::reportClass).allSatisfy(name -> assertThat(name).startsWith("backproplab.chainrule."));
        assertThat(Files.readString(clone.resolve("README.md")))
                .as("the student README shows the per-exercise command").contains("./mvnw test -Dtest='backproplab.activations.*Test'");
    }

    private ProcessRun maven(String name, String... goals) {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-ntp", "-Dstyle.color=never"));
        if (!Boolean.getBoolean("backproplab.export.online")) {
            command.add("-o");
        }
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(goals));
        return ProcessRun.run(clone, BUILD_LIMIT, Map.of(), temp.resolve("logs/" + name + ".log"), command);
    }

    private static Path localRepository() {
        String repo = System.getProperty("maven.repo.local");
        return repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static boolean visibleTestsCarryPoints() throws IOException {
        try (Stream<Path> files = Files.walk(CourseRepo.root().resolve("exercises/src/test/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("@Graded");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static Set<String> skeletonTasks(Path sources) throws IOException {
        Set<String> tasks = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = TODO_TASK.matcher(Files.readString(file));
                while (matcher.find()) {
                    tasks.add(matcher.group(1));
                }
            }
        }
        return tasks;
    }

    private static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessRun run = ProcessRun.run(dir, Duration.ofMinutes(2), Map.of(), dir.resolveSibling("git-" + args[0] + ".log"),
                command);
        assertThat(run.exitCode()).as("git %s: %s", args[0], run.describe()).isZero();
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/")).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
