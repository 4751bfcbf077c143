package backproplab.grader.engine.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code grader batch-merge}: combines the outputs of several shards (or batches) into one: every student's folder is
 * copied into the merged output (complete or absent, like the batch writes them) and the class files are written
 * from all their records. A student found in two inputs is taken from the first, with a warning.
 */
public final class BatchMerge {

    private BatchMerge() {
    }

    /**
     * Merges shard outputs.
     *
     * @param inputs  the shards' {@code --out} folders
     * @param outDir  the merged output (may be one of the inputs)
     * @param console where warnings and the closing line go
     * @return the merged records, sorted by id
     * @throws IOException if an input cannot be read or the output written
     */
    public static List<SubmissionRecord> merge(List<Path> inputs, Path outDir, PrintWriter console) throws IOException {
        Files.createDirectories(outDir);
        Map<String, SubmissionRecord> records = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                throw new IOException("The shard output " + input + " does not exist or is not a folder.");
            }
            for (Path folder : RecordFiles.submissionFolders(input)) {
                Optional<SubmissionRecord> record = RecordFiles.read(folder);
                if (record.isEmpty()) {
                    console.println("Skipped " + folder + ": its " + SubmissionRecord.FILE_NAME + " is unreadable.");
                    continue;
                }
                String id = record.get().id();
                if (records.containsKey(id)) {
                    console.println("Student " + id + " is in " + from.get(id) + " and " + input + "; kept the first.");
                    continue;
                }
                records.put(id, record.get());
                from.put(id, input);
                Path target = outDir.resolve(folder.getFileName().toString());
                if (!Files.isSameFile(input, outDir)) {
                    Path staging = Files.createDirectories(outDir.resolve(SubmissionGrader.STAGING)).resolve(id + "-" + System.nanoTime());
                    Folders.copy(folder, staging);
                    Folders.replace(staging, target);
                }
            }
        }
        Folders.deleteQuietly(outDir.resolve(SubmissionGrader.STAGING));
        List<SubmissionRecord> merged = new ArrayList<>(records.values());
        ClassOutput.writeAll(merged, outDir);
        console.println("Merged " + merged.size() + " submissions from " + inputs.size() + " output" + (inputs.size() == 1 ? "" : "s")
                + " into " + outDir + ": " + Gradebook.FILE_NAME + ", " + ClassSummary.FILE_NAME + ", " + ClassReport.FILE_NAME + ".");
        console.flush();
        return merged.stream().sorted(java.util.Comparator.comparing(SubmissionRecord::id)).toList();
    }
}
