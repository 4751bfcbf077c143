package backproplab.grader.suites.support;

import backproplab.grader.protocol.SuiteSettings;
import backproplab.network.NeuralNetwork;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestReporter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss curve and decision boundary of a training test, written as PNGs and attached to the test result
 * ({@link backproplab.scoring.Attachments}) so that report.html can show them.
 *
 * <p>Off unless the system property {@value #DIRECTORY_PROPERTY} names a folder: drawing costs about a second of
 * start-up (AWT, fonts) that a grading run should not pay unless someone looks at the pictures.
 */
public final class TrainingPictures {

    /** System property naming the folder for the PNGs; the pictures are skipped when it is not set. */
    public static final String DIRECTORY_PROPERTY = SuiteSettings.PICTURES_DIRECTORY;

    private TrainingPictures() {
    }

    /** The folder for pictures, when pictures are wanted. */
    public static Optional<Path> directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.trim()));
    }

    /** Draws the loss per epoch and attaches it; a drawing failure is reported, never fails the test. */
    public static void lossCurve(TestReporter reporter, String name, String title, double[] losses) {
        directory().ifPresent(dir -> attach(reporter, () -> {
            double[] epochs = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                epochs[i] = i + 1;
            }
            XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("epoch")
                    .yAxisTitle("binary cross-entropy").build();
            chart.getStyler().setLegendVisible(false);
            XYSeries series = chart.addSeries("loss", epochs, losses);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(new Color(31, 119, 180));
            return save(chart, dir, name);
        }));
    }

    /**
     * Draws the network's decision regions (a grid classified by {@code net}) under the labelled points and attaches it.
     *
     * @param x features × m (2 features)
     * @param y 1 × m labels
     */
    public static void decisionBoundary(TestReporter reporter, String name, String title, NeuralNetwork net, double[][] x, double[][] y) {
        directory().ifPresent(dir -> attach(reporter, () -> {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < x[0].length; i++) {
                minX = Math.min(minX, x[0][i]);
                maxX = Math.max(maxX, x[0][i]);
                minY = Math.min(minY, x[1][i]);
                maxY = Math.max(maxY, x[1][i]);
            }
            int steps = 60;
            double[][] grid = new double[2][steps * steps];
            for (int i = 0; i < steps; i++) {
                for (int j = 0; j < steps; j++) {
                    grid[0][i * steps + j] = minX - 0.5 + (maxX - minX + 1) * i / (steps - 1);
                    grid[1][i * steps + j] = minY - 0.5 + (maxY - minY + 1) * j / (steps - 1);
                }
            }
            double[] predicted = Arrays2D.of(net.forward(Arrays2D.array(grid)))[0];
            XYChart chart = new XYChartBuilder().width(640).height(480).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
            chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setMarkerSize(4);
            addPoints(chart, "ŷ ≤ 0.5", grid, predicted, false, new Color(255, 200, 200));
            addPoints(chart, "ŷ > 0.5", grid, predicted, true, new Color(200, 220, 255));
            chart.getStyler().setMarkerSize(7);
            addPoints(chart, "label 0", x, y[0], false, new Color(214, 39, 40));
            addPoints(chart, "label 1", x, y[0], true, new Color(31, 119, 180));
            return save(chart, dir, name);
        }));
    }

    private static void addPoints(XYChart chart, String series, double[][] x, double[] values, boolean positive, Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if ((values[i] > 0.5) == positive) {
                xs.add(x[0][i]);
                ys.add(x[1][i]);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(series, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
        }
    }

    private interface Drawing {
        Path draw() throws IOException;
    }

    private static void attach(TestReporter reporter, Drawing drawing) {
        try {
            backproplab.scoring.Attachments.image(reporter, drawing.draw());
        } catch (IOException | RuntimeException | LinkageError e) {
            reporter.publishEntry("backproplab.image.error", "the picture could not be drawn: " + e);
        }
    }

    private static Path save(XYChart chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
