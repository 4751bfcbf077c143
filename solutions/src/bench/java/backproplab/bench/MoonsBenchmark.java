package backproplab.bench;

import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.network.NetworkTrainer;
import backproplab.network.NetworkTrainer.TrainingHistory;
import backproplab.network.NeuralNetwork;
import backproplab.runtime.Backend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: the reference's moons training (2-8-8-1, seed 42, α = 0.5, 2000 full-batch epochs) against
 * the notebook's numpy code ({@code notebook_numpy.py}) on the same machine, in one run.
 *
 * <p>Usage: {@code MoonsBenchmark [bench dir] [runs]}; the bench dir holds {@code notebook_numpy.py} (default: the
 * environment variable BACKPROPLAB_BENCH_DIR, else {@code ../shared/bench}). Java: warm-up runs, then the median of
 * {@code runs} timed trainings. numpy: the median of {@code runs} processes, each timing its own training loop.
 */
public final class MoonsBenchmark {

    private static final long SEED = 42;
    private static final int EPOCHS = 2000;
    private static final double LEARNING_RATE = 0.5;
    private static final int WARM_UPS = 2;
    private static final Pattern NUMPY_RESULT = Pattern.compile("train loss ([0-9.]+) acc ([0-9.]+) test acc ([0-9.]+)");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern NUMPY_SECONDS = Pattern.compile("train 2000 epochs s ([0-9.]+)");

    private MoonsBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path benchDir = Paths.get(args.length > 0 && !args[0].isBlank() ? args[0]
                : System.getenv().getOrDefault("BACKPROPLAB_BENCH_DIR", "../shared/bench")).toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Backend.init();
        System.out.println(Backend.describe() + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)")
                + String.format(Locale.ROOT, ", load average %.2f on %d cores",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors()));
        System.out.printf(Locale.ROOT, "Moons 400 / noise 0.15 / seed 42, split 80/20 seed 42, network 2-8-8-1 seed %d, lr %.1f, %d epochs%n%n",
                SEED, LEARNING_RATE, EPOCHS);

        Split split = Datasets.trainTestSplit(Datasets.moons(400, 0.15, SEED), 0.2, SEED);
        Result java = null;
        for (int i = 0; i < WARM_UPS; i++) {
            java = trainOnce(split);
        }
        double[] javaSeconds = new double[runs];
        double[] javaCpuSeconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            java = trainOnce(split);
            javaSeconds[i] = java.seconds;
            javaCpuSeconds[i] = java.cpuSeconds;
        }
        double javaMedian = median(javaSeconds);
        System.out.printf(Locale.ROOT, "Java/ND4J reference: train loss %.4f, train acc %.2f %%, test acc %.2f %%, %d epochs in %.3f s"
                + " (median of %d after %d warm-ups; runs %s)%n", java.trainLoss, 100 * java.trainAccuracy, 100 * java.testAccuracy,
                EPOCHS, javaMedian, runs, WARM_UPS, format(javaSeconds));
        System.out.printf(Locale.ROOT, "  CPU time of the training thread: median %.3f s (runs %s); a much larger wall time means a busy machine%n",
                median(javaCpuSeconds), format(javaCpuSeconds));

        Path script = benchDir.resolve("notebook_numpy.py");
        if (!Files.isRegularFile(script)) {
            System.out.println("numpy reference: " + script + " not found; pass the directory that holds notebook_numpy.py"
                    + " as the first argument or in BACKPROPLAB_BENCH_DIR. No ratio.");
            return;
        }
        double[] numpySeconds = new double[runs];
        String numpyResult = "";
        for (int i = 0; i < runs; i++) {
            List<String> lines = runPython(script);
            numpySeconds[i] = Double.parseDouble(find(NUMPY_SECONDS, lines, script));
            Matcher m = NUMPY_RESULT.matcher(String.join("\n", lines));
            if (m.find()) {
                numpyResult = String.format(Locale.ROOT, "train loss %s, train acc %.2f %%, test acc %.2f %%", m.group(1),
                        100 * Double.parseDouble(m.group(2)), 100 * Double.parseDouble(m.group(3)));
            }
        }
        double numpyMedian = median(numpySeconds);
        System.out.printf(Locale.ROOT, "numpy (notebook_numpy.py): %s, %d epochs in %.3f s (median of %d processes; runs %s)%n",
                numpyResult, EPOCHS, numpyMedian, runs, format(numpySeconds));
        System.out.printf(Locale.ROOT, "%nRatio Java/ND4J : numpy = %.1f (%.3f s / %.3f s)%n", javaMedian / numpyMedian, javaMedian, numpyMedian);
    }

    private static Result trainOnce(Split split) {
        NeuralNetwork net = new NeuralNetwork(SEED, 2, 8, 8, 1);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TrainingHistory history = NetworkTrainer.train(net, split.train().features(), split.train().labels(), LEARNING_RATE, EPOCHS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double testAccuracy = NetworkTrainer.accuracy(net, split.test().features(), split.test().labels());
        return new Result(history.finalLoss(), history.finalAccuracy(), testAccuracy, seconds, cpuSeconds);
    }

    private static List<String> runPython(Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("python3 " + script + " exited with " + exit + ":\n" + String.join("\n", lines));
        }
        return lines;
    }

    private static String find(Pattern pattern, List<String> lines, Path script) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no line matching '" + pattern + "' in the output of " + script + ":\n" + String.join("\n", lines));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(double[] seconds) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < seconds.length; i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", seconds[i]));
        }
        return out.append("]").toString();
    }

    private record Result(double trainLoss, double trainAccuracy, double testAccuracy, double seconds, double cpuSeconds) {
    }
}
