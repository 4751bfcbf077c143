package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Writes the class files of a batch or a merge: {@value Gradebook#FILE_NAME}, {@value ClassSummary#FILE_NAME}, {@value ClassReport#FILE_NAME}. */
public final class ClassOutput {

    private ClassOutput() {
    }

    /**
     * Writes the three class files into {@code outDir}.
     *
     * @param records one per submission, in any order (they are sorted by id)
     * @param outDir  the folder
     * @throws IOException if a file cannot be written
     */
    public static void writeAll(List<SubmissionRecord> records, Path outDir) throws IOException {
        List<SubmissionRecord> sorted = records.stream().sorted(Comparator.comparing(SubmissionRecord::id)).toList();
        Gradebook.write(sorted, outDir);
        ClassSummary.write(sorted, outDir);
        ClassReport.write(sorted, outDir);
    }
}
