package backproplab.demos;

import backproplab.activations.Activations;
import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.gradientflow.GradientFlow;
import backproplab.gradientflow.GradientFlowReport;
import backproplab.network.HiddenActivation;
import backproplab.network.NetworkTrainer;
import backproplab.network.NetworkTrainer.TrainingHistory;
import backproplab.network.NeuralNetwork;
import backproplab.runtime.Backend;
import backproplab.tinynet.TinyNetwork;
import backproplab.training.TinyTrainer;
import java.awt.Color;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs the notebook's experiments with your code and writes its pictures as PNG files:
 * <ul>
 *   <li>{@code training-loss.png}: the TinyNetwork's loss on the 1-D pattern (section 4);</li>
 *   <li>{@code moons-loss-accuracy.png} and {@code moons-decision-boundary.png}: the 2-8-8-1 network on moons
 *       (section 5);</li>
 *   <li>{@code gradient-norms.png}: per-layer gradient norms, sigmoid against ReLU, for the notebook's deep network
 *       and one twice as deep (section 6).</li>
 * </ul>
 * Usage: {@code Demos [output directory]} (default {@code target/pictures}). Also prints the moons test
 * accuracy and the XOR result.
 */
public final class Demos {

    /** Where the pictures go when no directory is given. */
    public static final String DEFAULT_OUTPUT = "target/pictures";

    private static final long SEED = 42;
    private static final int[] MOONS_NETWORK = {2, 8, 8, 1};
    private static final int[] XOR_NETWORK = {2, 8, 1};
    private static final int[] DEEP_NETWORK = {10, 8, 8, 8, 8, 8, 1};
    private static final int[] DEEPER_NETWORK = {10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1};
    private static final double LEARNING_RATE = 0.5;
    private static final int EPOCHS = 2000;

    private Demos() {
    }

    /** @param args optional: the output directory */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Path out = Paths.get(args.length > 0 ? args[0] : DEFAULT_OUTPUT).toAbsolutePath().normalize();
        Backend.init();
        System.out.println(Backend.describe());
        System.out.println();
        moons(out);
        xor();
        tinyNetwork(out);
        gradientFlow(out);
        System.out.println();
        System.out.println("Pictures written to " + out);
    }

    /** Section 4: TinyNetwork, per-sample SGD on x = 0..3 → 0, 1, 1, 0 (α = 0.1, 1000 epochs). */
    private static void tinyNetwork(Path out) {
        Dataset pattern = Datasets.pattern();
        double[] xs = new double[pattern.size()];
        double[] ys = new double[pattern.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pattern.x(i)[0];
            ys[i] = pattern.label(i);
        }
        TinyNetwork net = new TinyNetwork(SEED);
        double[] losses = TinyTrainer.train(net, xs, ys, 0.1, 1000).losses();
        StringBuilder predictions = new StringBuilder();
        for (double x : xs) {
            predictions.append(String.format(Locale.ROOT, " %.2f", net.forward(x)));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "TinyNetwork on the 1-D pattern (seed %d, lr 0.1, 1000 epochs): final loss %.4f,"
                + " predictions%s for targets 0 1 1 0%n", SEED, losses[losses.length - 1], predictions);
        Pictures.save(Pictures.epochChart("Training Loss Over Time (TinyNetwork, 1-D pattern)", "Loss", "loss", losses,
                Pictures.BLUE), out, "training-loss.png");
    }

    /** Section 5: moons, 2-8-8-1, seed 42, α = 0.5, 2000 full-batch epochs, 80/20 split. */
    private static void moons(Path out) {
        Split split = Datasets.trainTestSplit(Datasets.moons(400, 0.15, SEED), 0.2, SEED);
        NeuralNetwork net = new NeuralNetwork(SEED, MOONS_NETWORK);
        long start = System.nanoTime();
        TrainingHistory history = NetworkTrainer.train(net, split.train().features(), split.train().labels(), LEARNING_RATE, EPOCHS);
        double seconds = (System.nanoTime() - start) / 1e9;
        INDArray testPredictions = net.forward(split.test().features());
        double testLoss = Activations.binaryCrossEntropy(split.test().labels(), testPredictions);
        double testAccuracy = NetworkTrainer.accuracy(testPredictions, split.test().labels());
        System.out.printf(Locale.ROOT, "Moons 2-8-8-1 (seed %d, lr %.1f, %d epochs, %d train / %d test samples, %.1f s):%n",
                SEED, LEARNING_RATE, EPOCHS, split.train().size(), split.test().size(), seconds);
        System.out.printf(Locale.ROOT, "  train loss %.4f, train accuracy %.2f %%%n", history.finalLoss(), 100 * history.finalAccuracy());
        System.out.printf(Locale.ROOT, "  test loss %.4f, test accuracy %.2f %%%n", testLoss, 100 * testAccuracy);

        XYChart loss = Pictures.epochChart("Training Loss", "Loss", "loss", history.losses(), Pictures.BLUE);
        XYChart accuracy = Pictures.epochChart("Training Accuracy", "Accuracy", "accuracy", history.accuracies(), Pictures.GREEN);
        accuracy.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        Pictures.saveSideBySide(List.of(loss, accuracy), out, "moons-loss-accuracy.png");
        String title = String.format(Locale.ROOT, "Moons decision boundary, 2-8-8-1 after %d epochs: test accuracy %.2f %%",
                EPOCHS, 100 * testAccuracy);
        Pictures.save(DecisionBoundaryPicture.draw(net, split.train(), split.test(), title), out, "moons-decision-boundary.png");
    }

    /** Real 2-D XOR, 2-8-1, seed 42, α = 0.5, 2000 full-batch epochs. */
    private static void xor() {
        Dataset xor = Datasets.xor();
        NeuralNetwork net = new NeuralNetwork(SEED, XOR_NETWORK);
        NetworkTrainer.train(net, xor.features(), xor.labels(), LEARNING_RATE, EPOCHS);
        INDArray predictions = net.forward(xor.features());
        double loss = Activations.binaryCrossEntropy(xor.labels(), predictions);
        double accuracy = NetworkTrainer.accuracy(predictions, xor.labels());
        System.out.printf(Locale.ROOT, "XOR 2-8-1 (seed %d, lr %.1f, %d epochs): loss %.4f, accuracy %.0f %% — %s%n",
                SEED, LEARNING_RATE, EPOCHS, loss, 100 * accuracy, accuracy == 1.0 && loss < 0.1 ? "solved" : "NOT solved");
        for (int i = 0; i < xor.size(); i++) {
            double[] x = xor.x(i);
            System.out.printf(Locale.ROOT, "  (%.0f, %.0f) -> %.4f (target %d)%n", x[0], x[1], predictions.getDouble(0, i), xor.label(i));
        }
    }

    /**
     * Section 6: gradient norms of the notebook's 10-8-8-8-8-8-1 network and of one twice as deep, sigmoid against
     * ReLU hidden layers, side by side.
     */
    private static void gradientFlow(Path out) {
        List<CategoryChart> charts = new java.util.ArrayList<>();
        for (int[] sizes : new int[][] {DEEP_NETWORK, DEEPER_NETWORK}) {
            GradientFlowReport sigmoid = GradientFlow.measure(SEED, HiddenActivation.SIGMOID, sizes);
            GradientFlowReport relu = GradientFlow.measure(SEED, HiddenActivation.RELU, sizes);
            System.out.println();
            System.out.println(sigmoid.describe());
            System.out.println(relu.describe());
            System.out.printf(Locale.ROOT, "‖dW1‖ / ‖dW%d‖: sigmoid %.1e, ReLU %.2f%n", sizes.length - 1,
                    sigmoid.norm(1) / sigmoid.normsOutputFirst()[0], relu.norm(1) / relu.normsOutputFirst()[0]);
            charts.add(gradientChart(sigmoid, relu));
        }
        Pictures.saveSideBySide(charts, out, "gradient-norms.png");
    }

    private static CategoryChart gradientChart(GradientFlowReport sigmoid, GradientFlowReport relu) {
        double[] sigmoidNorms = sigmoid.normsOutputFirst();
        double[] reluNorms = relu.normsOutputFirst();
        List<String> layers = new java.util.ArrayList<>();
        for (int i = sigmoidNorms.length; i >= 1; i--) {
            layers.add(Integer.toString(i));
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Gradient Flow, " + sigmoid.architecture() + " (vanishing below 1e-4)")
                .xAxisTitle("Layer (backward order)").yAxisTitle("Gradient Norm (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars need an explicit floor on a log axis (XChart would start them at 0): one decade below the smallest norm.
        double smallest = Math.min(java.util.Arrays.stream(sigmoidNorms).min().orElse(1), java.util.Arrays.stream(reluNorms).min().orElse(1));
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest)) - 1));
        chart.getStyler().setYAxisMax(10.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {new Color(70, 130, 180), new Color(255, 127, 14)});
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.addSeries("sigmoid hidden layers: " + sigmoid.verdict(), layers, toList(sigmoidNorms));
        chart.addSeries("ReLU hidden layers: " + relu.verdict(), layers, toList(reluNorms));
        return chart;
    }

    private static List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
