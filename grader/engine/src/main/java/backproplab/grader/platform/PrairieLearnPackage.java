package backproplab.grader.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a folder to merge into a PrairieLearn course repository:
 * <pre>
 * serverFilesCourse/backproplab/run.sh                 the external-grader entrypoint
 * serverFilesCourse/backproplab/backproplab-grade.sh   the shared grading script
 * serverFilesCourse/backproplab/grader.jar, lib/       the grader
 * questions/backproplab/info.json, question.html       a question that takes a zip and grades it externally
 * README.md                                            how to install it
 * </pre>
 * The entrypoint reads {@code /grade/student} and writes {@code /grade/results/results.json} (the grader's
 * {@code prairielearn.json}), also when the grader fails.
 */
public final class PrairieLearnPackage {

    /** The folder under serverFilesCourse; the entrypoint is {@code /grade/serverFilesCourse/backproplab/run.sh}. */
    public static final String SERVER_FILES = "serverFilesCourse/backproplab";
    /** The sample question's folder. */
    public static final String QUESTION = "questions/backproplab";

    /**
     * Writes the package.
     *
     * @param dir    a folder that does not exist yet or is empty
     * @param grader the grader to bundle
     * @return the files written, relative to {@code dir}
     * @throws IOException              if writing fails
     * @throws IllegalArgumentException if {@code dir} is not empty
     */
    public List<String> write(Path dir, GraderDistribution grader) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The folder " + root + " is not empty; choose a new folder.");
                }
            }
        }
        List<String> written = new ArrayList<>();
        Path server = root.resolve(SERVER_FILES);
        script(root, SERVER_FILES + "/run.sh", PlatformScripts.text("prairielearn", "run.sh"), written);
        script(root, SERVER_FILES + "/" + PlatformScripts.GRADE_SCRIPT, PlatformScripts.gradeScript(), written);
        copy(grader.jar(), server.resolve("grader.jar"));
        written.add(SERVER_FILES + "/grader.jar");
        for (String library : grader.libraries()) {
            copy(grader.library(library), server.resolve(library));
            written.add(SERVER_FILES + "/" + library);
        }
        text(root, QUESTION + "/info.json", PlatformScripts.text("prairielearn", "info.json")
                .replace("${uuid}", UUID.randomUUID().toString()), written);
        text(root, QUESTION + "/question.html", PlatformScripts.text("prairielearn", "question.html"), written);
        text(root, "README.md", PlatformScripts.text("prairielearn", "README.md"), written);
        return written;
    }

    private static void script(Path root, String name, String content, List<String> written) throws IOException {
        Path file = text(root, name, content, written);
        if (!file.toFile().setExecutable(true, false)) {
            throw new IOException("Cannot make " + file + " executable");
        }
    }

    private static Path text(Path root, String name, String content, List<String> written) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        written.add(name);
        return file;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
