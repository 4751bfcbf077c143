package backproplab.grader.suites.support;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.network.NeuralNetwork;
import java.util.Locale;

/**
 * The notebook's moons experiment with the suite's own full-batch loop: make_moons(samples, noise, dataSeed),
 * an 80/20 split, a He-initialised {@code NeuralNetwork(initSeed, layers)} trained on the training part, and
 * the accuracy on the test part. Settings come from the thresholds file (keys {@code moons.*}).
 */
public record MoonsExperiment(int samples, double noise, long dataSeed, double testSize, long splitSeed, int[] layers,
                              long initSeed, double learningRate, int epochs) {

    /**
     * The settings in the thresholds file, with the data and the initialisation drawn for this student ({@link HiddenSeeds},
     * purpose {@code moons.run}): one (data seed, init seed) pair of the calibrated pool {@code moons.runPool}, on each of
     * which the reference clears the top tier with a margin; the data is make_moons(samples, noise, data seed) split with
     * the data seed. Under the course seed the data stays the notebook's ({@code moons.dataSeed}, {@code moons.splitSeed})
     * and the init seed is drawn (purpose {@code moons.initSeed}) from {@code moons.initSeedPool}, calibrated on that data.
     * Either way it is one training run.
     */
    public static MoonsExperiment fromThresholds() {
        Thresholds t = Thresholds.get();
        MoonsExperiment notebookData = new MoonsExperiment(t.integer("moons.samples"), t.number("moons.noise"),
                t.seeds("moons.dataSeed")[0], t.number("moons.testSize"), t.seeds("moons.splitSeed")[0], t.integers("moons.layers"),
                HiddenSeeds.distinct("moons.initSeed", t.seeds("moons.initSeedPool"), 1)[0], t.number("moons.learningRate"),
                t.integer("moons.epochs"));
        if (HiddenSeeds.isCourseSeed()) {
            return notebookData;
        }
        long[][] pool = t.seedPairs("moons.runPool");
        long[] run = pool[HiddenSeeds.random("moons.run").nextInt(pool.length)];
        return notebookData.withData(run[0]).withInitSeed(run[1]);
    }

    /** The same experiment on make_moons(samples, noise, seed), split with the same seed (for calibration and student draws). */
    public MoonsExperiment withData(long seed) {
        return new MoonsExperiment(samples, noise, seed, testSize, seed, layers, initSeed, learningRate, epochs);
    }

    /** The same experiment with another initialisation seed (for calibration). */
    public MoonsExperiment withInitSeed(long seed) {
        return new MoonsExperiment(samples, noise, dataSeed, testSize, splitSeed, layers, seed, learningRate, epochs);
    }

    /**
     * Where the run ended.
     *
     * @param train        training loss, accuracy and output after the last update
     * @param testAccuracy accuracy on the test part
     * @param testSize     number of test samples
     * @param network      the trained network
     * @param trainX       the training features (2 × m)
     * @param trainY       the training labels (1 × m)
     */
    public record Outcome(FullBatchTraining.Result train, double testAccuracy, int testSize, NeuralNetwork network,
                          double[][] trainX, double[][] trainY) {

        /** "train loss 0.0312, train accuracy 99.06 %, test accuracy 98.75 % (79 of 80)". */
        public String describe() {
            return String.format(Locale.ROOT, "train loss %.4f, train accuracy %.2f %%, test accuracy %.2f %% (%d of %d)",
                    train.loss(), 100 * train.accuracy(), 100 * testAccuracy, Math.round(testAccuracy * testSize), testSize);
        }
    }

    /** Trains and evaluates. */
    public Outcome run() {
        return run(false);
    }

    /** Trains and evaluates, recording every epoch's loss if asked. */
    public Outcome run(boolean recordLosses) {
        Split split = Datasets.trainTestSplit(Datasets.moons(samples, noise, dataSeed), testSize, splitSeed);
        Dataset train = split.train();
        Dataset test = split.test();
        NeuralNetwork net = new NeuralNetwork(initSeed, layers);
        FullBatchTraining.Result result = FullBatchTraining.train(net, train.features(), train.labels(), learningRate, epochs,
                recordLosses);
        double[] testOutput = Arrays2D.of(net.forward(test.features()))[0];
        double testAccuracy = FullBatchTraining.accuracy(Arrays2D.of(test.labels())[0], testOutput);
        return new Outcome(result, testAccuracy, test.size(), net, Arrays2D.of(train.features()), Arrays2D.of(train.labels()));
    }

    /** "moons(400, 0.15, seed 42), split 0.2 seed 42, 2-8-8-1 seed 42, lr 0.5, 2000 epochs". */
    public String describe() {
        StringBuilder arch = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            arch.append(i == 0 ? "" : "-").append(layers[i]);
        }
        return String.format(Locale.ROOT, "make_moons(%d, noise %s, seed %d), test size %s (split seed %d), network %s (init seed %d),"
                + " learning rate %s, %d full-batch epochs", samples, noise, dataSeed, testSize, splitSeed, arch, initSeed,
                learningRate, epochs);
    }
}
