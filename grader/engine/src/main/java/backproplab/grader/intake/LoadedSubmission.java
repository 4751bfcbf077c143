package backproplab.grader.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * A submission ready to compile.
 *
 * @param displayRoot the folder paths are shown relative to: the submitted folder, or the zip's content
 * @param sourceRoot  the folder of packages ({@code backproplab/...})
 * @param sources     the {@code .java} files under {@code sourceRoot}, sorted
 * @param form        how it was submitted, for example {@code "source folder"}, {@code "module folder"}, {@code "zip"}
 */
public record LoadedSubmission(Path displayRoot, Path sourceRoot, List<Path> sources, String form) {

    /** Copies the source list. */
    public LoadedSubmission {
        sources = List.copyOf(sources);
    }

    /** A path as the student knows it: relative to the submitted folder, with forward slashes. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = displayRoot.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
