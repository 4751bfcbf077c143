package backproplab.grader.engine.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The class report's pictures, drawn with XChart as PNG data URLs: the score histogram and the full-marks rate per exercise. */
final class ClassCharts {

    private ClassCharts() {
    }

    /** Percent of the maximum of the gradable submissions, in ten bins. */
    static String scoreHistogram(List<SubmissionRecord> records) throws IOException {
        List<String> bins = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int bin = 0; bin < 10; bin++) {
            bins.add(bin * 10 + "–" + (bin * 10 + 10));
            counts.add(0);
        }
        for (SubmissionRecord record : records) {
            if (record.gradable()) {
                int bin = Math.min(9, (int) Math.floor(record.percent() / 10));
                counts.set(bin, counts.get(bin) + 1);
            }
        }
        CategoryChart chart = chart("Scores of the gradable submissions", "percent of the maximum", "submissions");
        chart.addSeries("submissions", bins, counts);
        return png(chart);
    }

    /** For each exercise, the share of gradable submissions that got every point of it. */
    static String fullMarksRate(List<SubmissionRecord> records, List<String> exercises) throws IOException {
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (String exercise : exercises) {
            List<SubmissionRecord.ExerciseScore> scores = records.stream().filter(SubmissionRecord::gradable)
                    .map(r -> r.exercises().get(exercise)).filter(s -> s != null && s.max() > 0).toList();
            if (!scores.isEmpty()) {
                names.add(exercise);
                rates.add(100.0 * scores.stream().filter(s -> s.score() >= s.max() - 1e-9).count() / scores.size());
            }
        }
        if (names.isEmpty()) {
            names.add("(none)");
            rates.add(0.0);
        }
        CategoryChart chart = chart("Full marks per exercise", "exercise", "% of gradable submissions");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.addSeries("full marks", names, rates);
        return png(chart);
    }

    private static CategoryChart chart(String title, String x, String y) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CategoryChart chart = new CategoryChartBuilder().width(640).height(360).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(30);
        return chart;
    }

    private static String png(CategoryChart chart) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
