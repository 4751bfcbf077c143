package backproplab.bench;

import backproplab.activations.Activations;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.network.NetworkTrainer;
import backproplab.network.NeuralNetwork;
import backproplab.runtime.Backend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Benchmark, not a test: where one epoch of the reference's moons training goes, as the CPU time of the training
 * thread per step of {@code NetworkTrainer.train} (forward, loss, accuracy, backward, update), in microseconds per
 * epoch. Each run trains a fresh 2-8-8-1 network for 2000 epochs; the last runs are the warmed-up ones.
 *
 * <p>Usage: {@code EpochProfile [runs]} (default 5), with the benchmark's class path (see run-benchmark.sh).
 */
public final class EpochProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int EPOCHS = 2000;
    private static final String[] STEPS = {"forward", "loss", "accuracy", "backward", "update"};

    private EpochProfile() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Backend.init();
        System.out.println(Backend.describe());
        Split split = Datasets.trainTestSplit(Datasets.moons(400, 0.15, 42), 0.2, 42);
        INDArray x = split.train().features();
        INDArray y = split.train().labels();
        for (int run = 1; run <= runs; run++) {
            long[] nanos = new long[STEPS.length];
            NeuralNetwork net = new NeuralNetwork(42, 2, 8, 8, 1);
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                INDArray yPred = net.forward(x);
                long t1 = THREADS.getCurrentThreadCpuTime();
                Activations.binaryCrossEntropy(y, yPred);
                long t2 = THREADS.getCurrentThreadCpuTime();
                NetworkTrainer.accuracy(yPred, y);
                long t3 = THREADS.getCurrentThreadCpuTime();
                net.backward(y);
                long t4 = THREADS.getCurrentThreadCpuTime();
                net.update(0.5);
                long t5 = THREADS.getCurrentThreadCpuTime();
                nanos[0] += t1 - t0;
                nanos[1] += t2 - t1;
                nanos[2] += t3 - t2;
                nanos[3] += t4 - t3;
                nanos[4] += t5 - t4;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "run %d, CPU µs per epoch:", run));
            long total = 0;
            for (int i = 0; i < STEPS.length; i++) {
                line.append(String.format(Locale.ROOT, " %s %.0f,", STEPS[i], nanos[i] / 1e3 / EPOCHS));
                total += nanos[i];
            }
            System.out.println(line.append(String.format(Locale.ROOT, " total %.0f", total / 1e3 / EPOCHS)));
        }
    }
}
