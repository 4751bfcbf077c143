package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@value #FILE_NAME}: one row per submission ({@code id, score, max, percent, status}, then one column per exercise
 * in {@link TaskOrder course order}), UTF-8, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). An exercise the submission's report does not hold (it did not compile, say) is an empty cell.
 */
public final class Gradebook {

    /** The file name in the batch's output. */
    public static final String FILE_NAME = "gradebook.csv";

    private Gradebook() {
    }

    /** The exercise columns for these records. */
    static List<String> columns(List<SubmissionRecord> records) {
        Set<String> seen = new LinkedHashSet<>();
        records.forEach(record -> seen.addAll(record.exercises().keySet()));
        return TaskOrder.columns(seen);
    }

    /** The CSV text. */
    public static String csv(List<SubmissionRecord> records) {
        List<String> exercises = columns(records);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "score", "max", "percent", "status"));
        header.addAll(exercises);
        row(csv, header);
        for (SubmissionRecord record : records) {
            List<String> row = new ArrayList<>(List.of(record.id(), number(record.score()), number(record.max()),
                    String.format(Locale.ROOT, "%.1f", record.percent()), record.status()));
            for (String exercise : exercises) {
                SubmissionRecord.ExerciseScore score = record.exercises().get(exercise);
                row.add(score == null ? "" : number(score.score()));
            }
            row(csv, row);
        }
        return csv.toString();
    }

    /** Writes {@value #FILE_NAME} into {@code outDir}. */
    public static void write(List<SubmissionRecord> records, Path outDir) throws IOException {
        Files.writeString(outDir.resolve(FILE_NAME), csv(records), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** A field, quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** A score without needless decimals: {@code 3}, {@code 2.5}, {@code 0.333333}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
