package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one results file of one format.
 *
 * <p>Implementations are stateless and deterministic: the same report and run information always render
 * to the same text. They must render a valid file for any report and any {@link Verdict}, including an empty
 * report and one of a submission that did not compile.
 */
public interface Reporter {

    /**
     * The name of the file this reporter writes, for example {@code results.json}.
     *
     * @return a plain file name
     */
    String fileName();

    /**
     * Renders the file's content.
     *
     * @param report the graded results
     * @param run    the run's metadata
     * @return the whole file, UTF-8 text ending with a newline
     */
    String render(GradeReport report, RunInfo run);

    /**
     * Renders and writes the file into {@code outDir}, atomically where the file system allows it, so that a
     * reader never sees a half-written file.
     *
     * @param report the graded results
     * @param run    the run's metadata
     * @param outDir the output directory; created if missing
     * @return the written file
     * @throws IOException if the file cannot be written
     */
    default Path write(GradeReport report, RunInfo run, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName());
        Path temporary = Files.createTempFile(outDir, "." + fileName(), ".tmp");
        try {
            Files.writeString(temporary, render(report, run), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicMoveUnsupported) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}
