package backproplab.demos;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Small helpers to build the course's line charts and write charts and images as PNG files. */
final class Pictures {

    static final Color BLUE = new Color(31, 119, 180);
    static final Color GREEN = new Color(44, 160, 44);
    static final Color RED = new Color(214, 39, 40);

    private Pictures() {
    }

    /** A line chart of one series against the epoch number 0, 1, 2, … */
    static XYChart epochChart(String title, String yTitle, String seriesName, double[] values, Color color) {
        XYChart chart = new XYChartBuilder().width(700).height(500).title(title).xAxisTitle("Epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setXAxisDecimalPattern("#");
        double[] epochs = new double[values.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i;
        }
        if (epochs.length > 2) {
            // XChart puts a tick on every k-th point of equally spaced x data (0, 48, 96, … — unreadable); moving the
            // last point by a hundredth of an epoch makes it choose round ticks (0, 500, 1000, …) instead.
            epochs[epochs.length - 1] -= 0.01;
        }
        XYSeries series = chart.addSeries(seriesName, epochs, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(2f);
        return chart;
    }

    /** Writes one chart as {@code dir/name}. */
    static Path save(Chart<?, ?> chart, Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    /** Writes several charts side by side in one PNG, {@code dir/name}. */
    static <T extends Chart<?, ?>> Path saveSideBySide(List<T> charts, Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), file.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    /** Writes an image as {@code dir/name}. */
    static Path save(BufferedImage image, Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }
}
