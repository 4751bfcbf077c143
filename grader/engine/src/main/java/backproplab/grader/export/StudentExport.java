package backproplab.grader.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the student repository: a standalone Maven project with the course runtime ({@code datasets}), the
 * generated skeleton with its visible tests and exercise READMEs ({@code exercises}), the Maven wrapper, and
 * the files of the student template ({@value #TEMPLATE}: README, .gitignore, GitHub workflow). Nothing else of
 * the course repository is copied, and the result is checked with {@link LeakScanner} before it is handed out.
 */
public final class StudentExport {

    /** The student template, relative to the course repository root; copied as is to the export's root. */
    public static final String TEMPLATE = ".github/student-template";

    /** What is copied from the course repository (besides the poms, which are derived), relative to its root. */
    public static final List<String> COPIED = List.of(
            "mvnw", "mvnw.cmd", ".mvn",
            "datasets/pom.xml", "datasets/src/main",
            "exercises/src/main", "exercises/src/test", "exercises/docs");

    private static final Set<String> SKIPPED_NAMES = Set.of("target", ".idea", ".vscode", ".DS_Store", ".git");

    private final Path courseRoot;

    /** @param courseRoot the course repository's root folder (holds pom.xml, datasets, exercises) */
    public StudentExport(Path courseRoot) {
        this.courseRoot = courseRoot.toAbsolutePath().normalize();
    }

    /**
     * Writes the student repository into {@code target}, then scans it.
     *
     * @param target a folder that does not exist yet or is empty
     * @return the files written and what the scan found (nothing, unless the course repository leaks)
     * @throws IOException              if reading or writing fails
     * @throws IllegalArgumentException if the course root is not a course repository, or the target is not empty
     */
    public Result exportTo(Path target) throws IOException {
        checkCourseRoot();
        Path out = target.toAbsolutePath().normalize();
        if (out.startsWith(courseRoot.resolve("exercises")) || out.startsWith(courseRoot.resolve("datasets"))
                || out.equals(courseRoot)) {
            throw new IllegalArgumentException("Export into a folder outside the exported modules, not " + out);
        }
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The export folder " + out + " is not empty; choose a new folder.");
                }
            }
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (String path : COPIED) {
            copy(courseRoot.resolve(path), out.resolve(path), written);
        }
        copy(courseRoot.resolve(TEMPLATE), out, written);
        write(out.resolve("pom.xml"), StudentPoms.rootPom(read("pom.xml")), written);
        write(out.resolve("exercises/pom.xml"), StudentPoms.exercisesPom(read("exercises/pom.xml")), written);
        makeExecutable(out.resolve("mvnw"));
        return new Result(out, List.copyOf(written), new LeakScanner().scanTree(out));
    }

    /**
     * The outcome of an export.
     *
     * @param root    the student repository
     * @param written every file written
     * @param leaks   what the scan found; a student repository must only be handed out when this is empty
     */
    public record Result(Path root, List<Path> written, List<Leak> leaks) {
        /** Whether the scan found nothing. */
        public boolean clean() {
            return leaks.isEmpty();
        }
    }

    private void checkCourseRoot() {
        List<String> missing = new ArrayList<>();
        for (String path : List.of("pom.xml", "exercises/pom.xml", "exercises/src/main/java", "exercises/src/test/java",
                "datasets/pom.xml", "datasets/src/main/java", "mvnw", ".mvn", TEMPLATE)) {
            if (!Files.exists(courseRoot.resolve(path))) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(courseRoot + " is not the course repository (missing " + missing
                    + "); pass its root with --from.");
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(courseRoot.resolve(path), StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text, List<Path> written) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written.add(file);
    }

    /** Copies a file or a folder (without build output and IDE files), keeping the executable bit. */
    private static void copy(Path from, Path to, List<Path> written) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && SKIPPED_NAMES.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (SKIPPED_NAMES.contains(file.getFileName().toString()) || file.toString().endsWith(".iml")) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = from.equals(file) ? to : to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeExecutable(Path script) {
        if (Files.exists(script)) {
            script.toFile().setExecutable(true, false);
        }
    }
}
