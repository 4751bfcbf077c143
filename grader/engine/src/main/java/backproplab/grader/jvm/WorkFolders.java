package backproplab.grader.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary work folders of the grader's training runs (the class-data archives' training JVMs). */
public final class WorkFolders {

    private WorkFolders() {
    }

    /**
     * Deletes a folder and everything below it, deepest first. A folder that does not exist is left alone; a file that
     * cannot be deleted stays behind without a word, since a left-over temporary file is harmless.
     *
     * @param folder the folder
     * @throws IOException if the folder cannot be walked
     */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
