package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@value #FILE_NAME}, one self-contained page for the instructor: the score histogram and the full-marks rate per
 * exercise (PNG data URLs), the tests most often failed with their most common first message line, the submissions
 * that were not gradable and why, the slowest and the timed-out ones, the groups of submissions with numerically
 * identical failures, and every submission's score.
 */
public final class ClassReport {

    /** The file name in the batch's output. */
    public static final String FILE_NAME = "class-report.html";

    private static final int SLOWEST = 10;
    private static final int MOST_FAILED = 15;

    private ClassReport() {
    }

    /** The page. */
    public static String html(List<SubmissionRecord> records) throws IOException {
        List<SubmissionRecord> gradable = records.stream().filter(SubmissionRecord::gradable).toList();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backprop Lab class report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}td.n{text-align:right}code{font-size:90%}img{max-width:100%}</style></head><body>\n")
                .append("<h1>Class report</h1>\n");
        html.append(String.format(Locale.ROOT, "<p>%d submissions: %d gradable, %d not gradable. Mean %.1f %%, median %.1f %% "
                        + "of the maximum (gradable ones).</p>\n", records.size(), gradable.size(), records.size() - gradable.size(),
                ClassSummary.mean(gradable.stream().mapToDouble(SubmissionRecord::percent).toArray()),
                ClassSummary.median(gradable.stream().mapToDouble(SubmissionRecord::percent).sorted().toArray())));
        html.append("<h2>Scores</h2>\n<img alt=\"score histogram\" src=\"").append(ClassCharts.scoreHistogram(records)).append("\">\n");
        html.append("<img alt=\"full marks per exercise\" src=\"")
                .append(ClassCharts.fullMarksRate(records, Gradebook.columns(records))).append("\">\n");
        mostFailed(html, gradable);
        notGradable(html, records);
        slowest(html, records);
        similar(html, records);
        everyone(html, records);
        return html.append("</body></html>\n").toString();
    }

    /** Writes {@value #FILE_NAME} into {@code outDir}. */
    public static void write(List<SubmissionRecord> records, Path outDir) throws IOException {
        Files.writeString(outDir.resolve(FILE_NAME), html(records), StandardCharsets.UTF_8);
    }

    private static void mostFailed(StringBuilder html, List<SubmissionRecord> gradable) {
        Map<String, List<SubmissionRecord.Failure>> byTest = gradable.stream().flatMap(r -> r.failures().stream())
                .collect(Collectors.groupingBy(SubmissionRecord.Failure::test, LinkedHashMap::new, Collectors.toList()));
        html.append("<h2>Tests most often failed</h2>\n");
        if (byTest.isEmpty()) {
            html.append("<p>No graded test failed.</p>\n");
            return;
        }
        html.append("<table><tr><th>test</th><th>exercise</th><th>failed by</th><th>most common first message line</th></tr>\n");
        byTest.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, List<SubmissionRecord.Failure>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(MOST_FAILED).forEach(entry -> {
                    List<SubmissionRecord.Failure> failures = entry.getValue();
                    Map.Entry<String, Long> common = failures.stream()
                            .collect(Collectors.groupingBy(SubmissionRecord.Failure::firstLine, Collectors.counting()))
                            .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow();
                    html.append("<tr><td>").append(escape(failures.get(0).name())).append("</td><td>")
                            .append(escape(failures.get(0).exercise())).append("</td><td class=\"n\">")
                            .append(String.format(Locale.ROOT, "%d of %d", failures.size(), gradable.size()))
                            .append("</td><td><code>").append(escape(common.getKey())).append("</code> (")
                            .append(common.getValue()).append("×)</td></tr>\n");
                });
        html.append("</table>\n");
    }

    private static void notGradable(StringBuilder html, List<SubmissionRecord> records) {
        List<SubmissionRecord> not = records.stream().filter(r -> !r.gradable()).toList();
        html.append("<h2>Not gradable</h2>\n");
        if (not.isEmpty()) {
            html.append("<p>Every submission was gradable.</p>\n");
            return;
        }
        table(html, not, List.of("id", "status", "why"), r -> List.of(r.id(), r.status(), r.reason()));
    }

    private static void slowest(StringBuilder html, List<SubmissionRecord> records) {
        html.append("<h2>Slowest and timed out</h2>\n");
        List<SubmissionRecord> timedOut = records.stream().filter(SubmissionRecord::timedOut).toList();
        html.append(timedOut.isEmpty() ? "<p>No submission timed out.</p>\n"
                : "<p>Timed out (a test or the forked run hit its limit): " + escape(timedOut.stream().map(SubmissionRecord::id)
                        .collect(Collectors.joining(", "))) + "</p>\n");
        List<SubmissionRecord> slowest = records.stream()
                .sorted(Comparator.comparingDouble(SubmissionRecord::wallSeconds).reversed()).limit(SLOWEST).toList();
        table(html, slowest, List.of("id", "wall s", "CPU s", "status"), r -> List.of(r.id(),
                String.format(Locale.ROOT, "%.1f", r.wallSeconds()), String.format(Locale.ROOT, "%.1f", r.cpuSeconds()), r.status()));
    }

    private static void similar(StringBuilder html, List<SubmissionRecord> records) {
        html.append("<h2>Numerically identical failures</h2>\n<p>Submissions whose failed tests are the same tests with "
                + "the same numbers in every message. Common slips produce these too: a reason to look, not a verdict.</p>\n");
        List<SimilarityGroups.Group> groups = SimilarityGroups.of(records);
        if (groups.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table><tr><th>submissions</th><th>failed tests</th><th>example</th></tr>\n");
        for (SimilarityGroups.Group group : groups) {
            html.append("<tr><td>").append(escape(String.join(", ", group.ids()))).append("</td><td class=\"n\">")
                    .append(group.failures()).append("</td><td><code>").append(escape(group.example())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void everyone(StringBuilder html, List<SubmissionRecord> records) {
        html.append("<h2>Every submission</h2>\n");
        table(html, records, List.of("id", "score", "max", "percent", "status"), r -> List.of(r.id(),
                Gradebook.number(r.score()), Gradebook.number(r.max()), String.format(Locale.ROOT, "%.1f", r.percent()), r.status()));
    }

    private static void table(StringBuilder html, List<SubmissionRecord> rows, List<String> header,
                              Function<SubmissionRecord, List<String>> cells) {
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (SubmissionRecord row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
