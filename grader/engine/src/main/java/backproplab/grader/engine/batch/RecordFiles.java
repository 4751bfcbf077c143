package backproplab.grader.engine.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the {@link SubmissionRecord}s that a batch left in its submissions' folders. */
public final class RecordFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordFiles() {
    }

    /** The record in {@code folder}, if there is a readable one. */
    public static Optional<SubmissionRecord> read(Path folder) {
        Path file = folder.resolve(SubmissionRecord.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SubmissionRecord.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Every submission folder of a batch's output (a folder holding a record), sorted by name.
     *
     * @param batchOut a batch's {@code --out}
     * @return the folders
     * @throws IOException if it cannot be listed
     */
    public static List<Path> submissionFolders(Path batchOut) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(batchOut)) {
            for (Path child : children.sorted().toList()) {
                if (!child.getFileName().toString().startsWith(".") && Files.isRegularFile(child.resolve(SubmissionRecord.FILE_NAME))) {
                    folders.add(child);
                }
            }
        }
        return folders;
    }
}
