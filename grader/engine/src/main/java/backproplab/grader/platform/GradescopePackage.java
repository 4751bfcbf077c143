package backproplab.grader.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds Gradescope's {@code autograder.zip}: {@code setup.sh} (installs a JDK 17 with apt),
 * {@code run_autograder} (grades {@code /autograder/submission} into {@code /autograder/results/results.json},
 * always), the shared grading script, and the grader itself ({@code grader.jar} and {@code lib/}), so nothing is
 * built on Gradescope's box. Scripts are stored with Unix mode 755.
 */
public final class GradescopePackage {

    /** Gradescope's two required files, at the root of the zip. */
    public static final List<String> REQUIRED = List.of("setup.sh", "run_autograder");

    /**
     * Writes the zip, replacing an existing file.
     *
     * @param zip    the file to write, for example {@code autograder.zip}
     * @param grader the grader to bundle
     * @return the names of the entries written, in order
     * @throws IOException if the zip cannot be written
     */
    public List<String> write(Path zip, GraderDistribution grader) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.deleteIfExists(target);
        List<String> entries = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(target, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (String script : REQUIRED) {
                script(fs, script, PlatformScripts.text("gradescope", script), entries);
            }
            script(fs, PlatformScripts.GRADE_SCRIPT, PlatformScripts.gradeScript(), entries);
            copy(fs, grader.jar(), "grader.jar", entries);
            for (String library : grader.libraries()) {
                copy(fs, grader.library(library), library, entries);
            }
        }
        return entries;
    }

    private static void script(FileSystem fs, String name, String text, List<String> entries) throws IOException {
        Path entry = fs.getPath(name);
        Files.writeString(entry, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxr-xr-x"));
        entries.add(name);
    }

    private static void copy(FileSystem fs, Path file, String name, List<String> entries) throws IOException {
        Path entry = fs.getPath(name);
        if (entry.getParent() != null) {
            Files.createDirectories(entry.getParent());
        }
        Files.copy(file, entry);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-r--r--"));
        entries.add(name);
    }
}
