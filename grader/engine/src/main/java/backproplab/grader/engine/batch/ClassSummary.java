package backproplab.grader.engine.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@value #FILE_NAME}, for machines: per submission its id, status, reason, score, max, percent, per-exercise scores,
 * wall and CPU seconds and whether something timed out; then the class's totals (counts per status, mean and median
 * percent of the gradable ones, mean score per exercise).
 */
public final class ClassSummary {

    /** The file name in the batch's output. */
    public static final String FILE_NAME = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassSummary() {
    }

    /** The summary as a JSON tree. */
    public static ObjectNode of(List<SubmissionRecord> records) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode submissions = root.putArray("submissions");
        for (SubmissionRecord record : records) {
            ObjectNode node = submissions.addObject();
            node.put("id", record.id());
            node.put("status", record.status());
            node.put("reason", record.reason());
            node.put("score", record.score());
            node.put("max", record.max());
            node.put("percent", Math.round(record.percent() * 10) / 10.0);
            ObjectNode exercises = node.putObject("exercises");
            record.exercises().forEach((exercise, score) -> {
                ObjectNode e = exercises.putObject(exercise);
                e.put("score", score.score());
                e.put("max", score.max());
            });
            node.put("wallSeconds", Math.round(record.wallSeconds() * 100) / 100.0);
            node.put("cpuSeconds", Math.round(record.cpuSeconds() * 100) / 100.0);
            node.put("timedOut", record.timedOut());
            node.put("failedTests", record.failures().size());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("submissions", records.size());
        List<SubmissionRecord> gradable = records.stream().filter(SubmissionRecord::gradable).toList();
        totals.put("gradable", gradable.size());
        totals.put("notGradable", records.size() - gradable.size());
        Map<String, Integer> byStatus = new TreeMap<>();
        records.forEach(record -> byStatus.merge(record.status(), 1, Integer::sum));
        ObjectNode statuses = totals.putObject("byStatus");
        byStatus.forEach(statuses::put);
        double[] percents = gradable.stream().mapToDouble(SubmissionRecord::percent).sorted().toArray();
        totals.put("meanPercent", round1(mean(percents)));
        totals.put("medianPercent", round1(median(percents)));
        totals.put("timedOut", records.stream().filter(SubmissionRecord::timedOut).count());
        totals.put("wallSeconds", Math.round(records.stream().mapToDouble(SubmissionRecord::wallSeconds).sum() * 100) / 100.0);
        ObjectNode exerciseMeans = totals.putObject("meanScorePerExercise");
        for (String exercise : Gradebook.columns(records)) {
            double[] scores = gradable.stream().map(r -> r.exercises().get(exercise)).filter(s -> s != null)
                    .mapToDouble(SubmissionRecord.ExerciseScore::score).toArray();
            if (scores.length > 0) {
                exerciseMeans.put(exercise, Math.round(mean(scores) * 1000) / 1000.0);
            }
        }
        return root;
    }

    /** Writes {@value #FILE_NAME} into {@code outDir}. */
    public static void write(List<SubmissionRecord> records, Path outDir) throws IOException {
        Files.writeString(outDir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(of(records)) + "\n",
                StandardCharsets.UTF_8);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
