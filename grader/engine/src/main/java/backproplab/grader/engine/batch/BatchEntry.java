package backproplab.grader.engine.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One student's submission in a batch.
 *
 * @param id      the student id: the entry's name, without {@code .zip}
 * @param path    the entry (a repository clone, module folder, source folder or zip)
 * @param problem why the entry cannot be graded before anything is read (a repository that could not be cloned), in
 *                words for the instructor and the student; {@code ""} for an entry to grade
 */
public record BatchEntry(String id, Path path, String problem) {

    /** Checks for nulls. */
    public BatchEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * An entry to grade.
     *
     * @param id   the student id
     * @param path the entry
     */
    public BatchEntry(String id, Path path) {
        this(id, path, "");
    }

    /**
     * This entry, not gradable for a reason.
     *
     * @param why the reason
     * @return a copy with that problem
     */
    public BatchEntry withProblem(String why) {
        return new BatchEntry(id, path, why);
    }
}
