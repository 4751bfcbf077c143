package backproplab.grader.suites.support;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.network.NeuralNetwork;
import java.util.Locale;

/**
 * Real 2-D XOR learnt by the submission's {@code NeuralNetwork} (He initialisation from a seed) with the
 * suite's full-batch loop. A seed has converged when all four points are on the right side of 0.5 and the
 * loss is below the bar. Settings come from the thresholds file (keys {@code xor.*}).
 *
 * @param layers       layer sizes, e.g. 2, 8, 1
 * @param learningRate α
 * @param epochs       full-batch epochs
 * @param lossBar      a converged run ends with a loss below this
 */
public record XorExperiment(int[] layers, double learningRate, int epochs, double lossBar) {

    /** The settings in the thresholds file. */
    public static XorExperiment fromThresholds() {
        Thresholds t = Thresholds.get();
        return new XorExperiment(t.integers("xor.layers"), t.number("xor.learningRate"), t.integer("xor.epochs"),
                t.number("xor.lossBar"));
    }

    /**
     * The graded seeds of one XOR test for this student: {@code xor.seedCount} different seeds drawn ({@link HiddenSeeds})
     * from the calibrated pool {@code xor.seedPool}, on each of which the reference converges with a margin.
     *
     * @param purpose the test's own purpose, so that two tests draw different seeds, e.g. {@code "xor.seeds"}
     * @return the seeds, in the order drawn
     */
    public static long[] gradedSeeds(String purpose) {
        Thresholds t = Thresholds.get();
        return HiddenSeeds.distinct(purpose, t.seeds("xor.seedPool"), t.integer("xor.seedCount"));
    }

    /**
     * One seed's run.
     *
     * @param seed      the network's seed
     * @param result    where training ended
     * @param converged all four right and loss below the bar
     */
    public record Outcome(long seed, FullBatchTraining.Result result, boolean converged) {

        /** "seed 103: loss 0.0123, predictions [0.01, 0.98, 0.98, 0.02] — converged". */
        public String describe() {
            double[] out = result.output();
            return String.format(Locale.ROOT, "seed %d: loss %.4f, ŷ = [%.3f, %.3f, %.3f, %.3f] for (0,0), (0,1), (1,0), (1,1) — %s",
                    seed, result.loss(), out[0], out[1], out[2], out[3], converged ? "converged" : "NOT converged");
        }
    }

    /** Trains a fresh {@code new NeuralNetwork(seed, layers)} on XOR. */
    public Outcome run(long seed) {
        Dataset xor = Datasets.xor();
        NeuralNetwork net = new NeuralNetwork(seed, layers);
        FullBatchTraining.Result result = FullBatchTraining.train(net, xor.features(), xor.labels(), learningRate, epochs);
        boolean converged = result.accuracy() == 1.0 && result.loss() < lossBar;
        return new Outcome(seed, result, converged);
    }

    /** "2-8-1, lr 1.0, 1500 epochs". */
    public String describe() {
        StringBuilder arch = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            arch.append(i == 0 ? "" : "-").append(layers[i]);
        }
        return String.format(Locale.ROOT, "%s, learning rate %s, %d full-batch epochs, converged = all 4 right and loss < %s",
                arch, learningRate, epochs, lossBar);
    }
}
