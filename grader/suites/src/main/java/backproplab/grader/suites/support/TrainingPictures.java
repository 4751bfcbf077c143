package backproplab.grader.suites.support;

import backproplab.grader.protocol.SuiteSettings;
import backproplab.network.NeuralNetwork;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
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
        lossCurve(reporter, name, title, losses, null);
    }

    /**
     * Draws the loss per epoch of full-batch gradient descent and attaches it, with a caption that explains the curve
     * ({@link #lossCaption(double[], double)}); a drawing failure is reported, never fails the test.
     *
     * @param learningRate the learning rate of the training, for the caption; {@code null} for no caption
     */
    public static void lossCurve(TestReporter reporter, String name, String title, double[] losses, Double learningRate) {
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
            return save(chart, dir, name, learningRate == null ? null : lossCaption(losses, learningRate));
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
            return save(chart, dir, name, null);
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

    /** A rise of the loss above its lowest value so far by more than this counts as a jump worth explaining. */
    static final double JUMP = 0.05;

    /**
     * The caption of a loss curve, for a student who wonders whether its shape is their bug: where the loss ends, and,
     * when it jumps up on the way (full-batch steps at a large learning rate overshoot early in training, as the
     * grader's own moons run does at learning rate 1.0), that such a jump is the step size and not a bug by itself.
     *
     * @param losses       the loss after each epoch
     * @param learningRate the learning rate of the training
     * @return one or two sentences
     */
    public static String lossCaption(double[] losses, double learningRate) {
        if (losses.length == 0) {
            return "No loss was recorded.";
        }
        double lowest = losses[0];
        int jumpEpoch = -1;
        double jumpPeak = 0;
        double jumpFrom = 0;
        for (int i = 1; i < losses.length; i++) {
            if (losses[i] - lowest > JUMP && (jumpEpoch < 0 || losses[i] - lowest > jumpPeak - jumpFrom)) {
                jumpEpoch = i + 1;
                jumpPeak = losses[i];
                jumpFrom = lowest;
            }
            lowest = Math.min(lowest, losses[i]);
        }
        String rate = String.format(Locale.ROOT, "%s", learningRate);
        String end = String.format(Locale.ROOT, "The loss starts at %.3f and ends at %.4f after %d epochs "
                + "of full-batch gradient descent at learning rate %s.", losses[0], losses[losses.length - 1],
                losses.length, rate);
        if (jumpEpoch < 0) {
            return end;
        }
        return end + String.format(Locale.ROOT, " The jump on the way (from %.3f up to %.3f at epoch %d) is "
                + "the size of the steps, not a bug by itself: at learning rate %s a step early in training can "
                + "overshoot the valley of the loss, and the next steps come back down. What counts is that the loss comes down again and ends low.", jumpFrom,
                jumpPeak, jumpEpoch, rate);
    }

    private static Path save(XYChart chart, Path dir, String name, String caption) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        if (caption == null) {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } else {
            savePng(BitmapEncoder.getBufferedImage(chart), file, caption);
        }
        return file;
    }

    /**
     * Writes a PNG with a caption in it: an {@code iTXt} chunk with the keyword {@value #CAPTION_KEYWORD} (UTF-8
     * text), which the reports show under the picture. The caption travels inside the file, so it survives the
     * grader's copy of the pictures out of the test JVM's folder.
     *
     * @param image   the picture
     * @param file    the PNG to write
     * @param caption the caption
     * @throws IOException if the file cannot be written
     */
    public static void savePng(BufferedImage image, Path file, String caption) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", CAPTION_KEYWORD);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "en");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", caption);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(itxt);
            metadata.mergeTree(format, root);
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
        } finally {
            writer.dispose();
        }
    }

    /** The PNG text keyword of a picture's caption (a registered PNG keyword). */
    public static final String CAPTION_KEYWORD = "Description";
}
