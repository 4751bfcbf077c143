package backproplab.grader.engine.batch;

import java.nio.file.Path;

/**
 * One student's submission in a batch.
 *
 * @param id   the student id: the entry's name, without {@code .zip}
 * @param path the entry (a repository clone, module folder, source folder or zip)
 */
public record BatchEntry(String id, Path path) {
}
