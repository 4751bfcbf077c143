package backproplab.grader.calibration;

import backproplab.activations.Activations;
import backproplab.beyond.Xavier;
import backproplab.datasets.NumpyRandom;
import backproplab.gradcheck.GradientCheckResult;
import backproplab.gradcheck.NetworkGradientCheck;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.GradedCases;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.GradientComparison;
import backproplab.grader.suites.support.MoonsExperiment;
import backproplab.grader.suites.support.PlainNetwork;
import backproplab.grader.suites.support.PlainTinyNetwork;
import backproplab.grader.suites.support.Planted;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.XorExperiment;
import backproplab.gradientflow.GradientFlow;
import backproplab.gradientflow.GradientFlowReport;
import backproplab.gradientflow.Verdict;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the REFERENCE with exactly the settings of the thresholds file, over seeds 100..119 and the graded
 * seeds, and prints the figures quoted in {@code thresholds.properties}. A tool, not a test: Surefire never runs
 * it (its name does not end in Test). It must run with the reference classes (solutions) ahead of the skeleton:
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests -pl datasets,exercises,grader/child,grader/suites -am
 * ./mvnw -B -q compile -pl solutions
 * ./mvnw -B -q dependency:build-classpath -pl grader/suites -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp solutions/target/classes:grader/suites/target/test-classes:grader/suites/target/classes:$(cat /tmp/cp.txt) \
 *      backproplab.grader.calibration.ReferenceCalibration [seedsFrom=100] [seedCount=20] [xor,moons,flow,gradients,xavier]
 * </pre>
 * Without installing anything: {@code ./mvnw -o -B -q -pl grader/suites,grader/reference -am test-compile}, then put
 * {@code grader/reference/target/classes} (the reference, compiled for the grader) first, followed by the suites' and
 * their dependencies' {@code target/classes} folders and the test class path of {@code dependency:build-classpath}.
 * Add {@code -Dbackproplab.thresholds=<file>} to calibrate other settings (an override file, as instructors use), and
 * {@code -Dbackproplab.grader.seed=<n>} to measure the cases drawn for one student seed (sections gradients, xor).
 * The sections {@code xorpool}, {@code moonspool} and {@code xavierpool} compute the seed pools of the thresholds file
 * over {@code seedsFrom .. seedsFrom + seedCount − 1} and print them ready to paste; {@code moonsrunpool} computes the
 * data/init pairs of {@code moons.runPool} over the data seeds {@code seedsFrom ..} (e.g. {@code 1 40 moonsrunpool}).
 *
 * (The exercises jar on that class path comes after solutions/target/classes, so the reference wins; the tool
 * checks that and stops if it is running the skeleton.)
 */
public final class ReferenceCalibration {

    private ReferenceCalibration() {
    }

    public static void main(String[] args) {
        long from = args.length > 0 ? Long.parseLong(args[0]) : 100;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SuiteRuntime.start();
        try {
            Activations.sigmoid(0.0);
        } catch (UnsupportedOperationException e) {
            System.err.println("This is the skeleton, not the reference: put solutions/target/classes first on the class path.");
            System.exit(2);
        }
        System.out.println("Reference calibration, thresholds from " + Thresholds.get().source());
        System.out.println(backproplab.runtime.Backend.describe());
        java.util.Set<String> sections = new java.util.HashSet<>(Arrays.asList(
                (args.length > 2 ? args[2] : "xor,moons,flow,gradients,xavier").split(",")));
        if (sections.contains("xor")) {
            xor(from, count);
        }
        if (sections.contains("moons")) {
            moons(from, count);
        }
        if (sections.contains("flow")) {
            gradientFlow(from, count);
        }
        if (sections.contains("gradients")) {
            gradients();
        }
        if (sections.contains("xavier")) {
            xavier();
        }
        if (sections.contains("xorpool")) {
            xorPool(from, count);
        }
        if (sections.contains("moonspool")) {
            moonsPool(from, count);
        }
        if (sections.contains("moonsrunpool")) {
            moonsRunPool(from, count);
        }
        if (sections.contains("xavierpool")) {
            xavierPool(from, count);
        }
    }

    /**
     * The XOR seed pool: the seeds of {@code from .. from + count − 1} on which the reference converges with its
     * final loss at least {@code xor.poolMargin} times below the bar. Every graded XOR seed is drawn from this pool, so
     * the reference converges on every drawn seed whatever the student seed.
     */
    private static void xorPool(long from, int count) {
        Thresholds t = Thresholds.get();
        XorExperiment experiment = XorExperiment.fromThresholds();
        double margin = t.number("xor.poolMargin");
        System.out.println("\n== XOR seed pool: " + experiment.describe() + "; pool = converged with loss < bar / " + margin);
        java.util.List<Long> pool = new java.util.ArrayList<>();
        double worst = 0;
        double best = Double.MAX_VALUE;
        int converged = 0;
        long start = System.nanoTime();
        for (long seed = from; seed < from + count; seed++) {
            XorExperiment.Outcome outcome = experiment.run(seed);
            converged += outcome.converged() ? 1 : 0;
            if (outcome.converged() && outcome.result().loss() < experiment.lossBar() / margin) {
                pool.add(seed);
                worst = Math.max(worst, outcome.result().loss());
                best = Math.min(best, outcome.result().loss());
            }
        }
        System.out.printf(Locale.ROOT, "  seeds %d..%d: %d/%d converged, %d in the pool; pool losses %.4f .. %.4f (bar %s, worst = bar / %.1f);"
                        + " %.0f ms per seed%n", from, from + count - 1, converged, count, pool.size(), best, worst,
                t.text("xor.lossBar"), experiment.lossBar() / worst, (System.nanoTime() - start) / 1e6 / count);
        System.out.println("  xor.seedPool=" + joined(pool));
    }

    /**
     * The moons initialisation-seed pool: the init seeds of {@code from .. from + count − 1} on which the reference's
     * test accuracy is at least {@code moons.poolMarginSamples} test samples above the top tier.
     */
    private static void moonsPool(long from, int count) {
        Thresholds t = Thresholds.get();
        MoonsExperiment experiment = MoonsExperiment.fromThresholds();
        int samples = t.integer("moons.poolMarginSamples");
        double top = t.number("moons.tier3");
        System.out.println("\n== Moons init-seed pool: " + experiment.describe() + "; pool = test accuracy >= top tier + "
                + samples + " test samples");
        java.util.List<Long> pool = new java.util.ArrayList<>();
        double min = 1;
        double max = 0;
        double poolMin = 1;
        double minTrain = 1;
        long start = System.nanoTime();
        for (long seed = from; seed < from + count; seed++) {
            MoonsExperiment.Outcome outcome = experiment.withInitSeed(seed).run();
            double acc = outcome.testAccuracy();
            min = Math.min(min, acc);
            max = Math.max(max, acc);
            if (Math.round((acc - top) * outcome.testSize()) >= samples) {
                pool.add(seed);
                poolMin = Math.min(poolMin, acc);
                minTrain = Math.min(minTrain, outcome.train().accuracy());
            }
        }
        System.out.printf(Locale.ROOT, "  init seeds %d..%d: test accuracy %.2f %% .. %.2f %%; %d in the pool, pool test accuracy >= %.2f %%,"
                        + " train accuracy >= %.2f %%; %.0f ms per run%n", from, from + count - 1, 100 * min, 100 * max,
                pool.size(), 100 * poolMin, 100 * minTrain, (System.nanoTime() - start) / 1e6 / count);
        System.out.println("  moons.initSeedPool=" + joined(pool));
    }

    /**
     * The moons run pool of the student draws: for each data seed of {@code from .. from + count − 1} (make_moons and the
     * split both with that seed) and each of the first {@code initSeedsPerData} (system property, default 3) init seeds of
     * {@code moons.initSeedPool}, the pair data/init when the reference's test accuracy is at least
     * {@code moons.poolMarginSamples} test samples above the top tier.
     */
    private static void moonsRunPool(long from, int count) {
        Thresholds t = Thresholds.get();
        int perData = Integer.getInteger("initSeedsPerData", 3);
        long[] inits = Arrays.copyOf(t.seeds("moons.initSeedPool"), perData);
        int samples = t.integer("moons.poolMarginSamples");
        double top = t.number("moons.tier3");
        MoonsExperiment base = MoonsExperiment.fromThresholds();
        System.out.println("\n== Moons run pool: data seeds " + from + ".." + (from + count - 1) + " x init seeds "
                + Arrays.toString(inits) + "; pool = test accuracy >= top tier + " + samples + " test samples");
        java.util.List<String> pool = new java.util.ArrayList<>();
        double min = 1;
        double max = 0;
        double poolMin = 1;
        double minTrain = 1;
        int runs = 0;
        long start = System.nanoTime();
        for (long data = from; data < from + count; data++) {
            for (long init : inits) {
                MoonsExperiment.Outcome outcome = base.withData(data).withInitSeed(init).run();
                runs++;
                double acc = outcome.testAccuracy();
                min = Math.min(min, acc);
                max = Math.max(max, acc);
                if (Math.round((acc - top) * outcome.testSize()) >= samples) {
                    pool.add(data + "/" + init);
                    poolMin = Math.min(poolMin, acc);
                    minTrain = Math.min(minTrain, outcome.train().accuracy());
                }
            }
        }
        System.out.printf(Locale.ROOT, "  %d runs: test accuracy %.2f %% .. %.2f %%; %d in the pool, pool test accuracy >= %.2f %%,"
                        + " train accuracy >= %.2f %%; %.0f ms per run%n", runs, 100 * min, 100 * max, pool.size(), 100 * poolMin,
                100 * minTrain, (System.nanoTime() - start) / 1e6 / runs);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pool.size(); i++) {
            out.append(i == 0 ? "" : i % 12 == 0 ? ",\\\n    " : ",").append(pool.get(i));
        }
        System.out.println("  moons.runPool=" + out);
    }

    /**
     * The Xavier seed pool: the seeds of {@code from .. from + count − 1} where the reference's sample standard deviation
     * and mean are both within {@code xavier.poolSigmas} standard errors (the test allows {@code xavier.sigmas}).
     */
    private static void xavierPool(long from, int count) {
        Thresholds t = Thresholds.get();
        int fanIn = t.integer("xavier.fanIn");
        int fanOut = t.integer("xavier.fanOut");
        double poolSigmas = t.number("xavier.poolSigmas");
        double n = (double) fanIn * fanOut;
        double target = Math.sqrt(1.0 / fanIn);
        java.util.List<Long> pool = new java.util.ArrayList<>();
        double worst = 0;
        double worstAll = 0;
        for (long seed = from; seed < from + count; seed++) {
            double[][] w = Arrays2D.of(Xavier.weights(fanOut, fanIn, new NumpyRandom(seed)));
            double sum = 0;
            double squares = 0;
            for (double[] row : w) {
                for (double v : row) {
                    sum += v;
                    squares += v * v;
                }
            }
            double mean = sum / n;
            double std = Math.sqrt(squares / n - mean * mean);
            double z = Math.max(Math.abs(std - target) / (target / Math.sqrt(2 * n)), Math.abs(mean) / (target / Math.sqrt(n)));
            worstAll = Math.max(worstAll, z);
            if (z <= poolSigmas) {
                pool.add(seed);
                worst = Math.max(worst, z);
            }
        }
        System.out.printf(Locale.ROOT, "%n== Xavier %dx%d seed pool: seeds %d..%d, worst of all %.2f standard errors; %d in the pool"
                + " (<= %s), worst there %.2f (limit %s)%n", fanOut, fanIn, from, from + count - 1, worstAll, pool.size(),
                t.text("xavier.poolSigmas"), worst, t.text("xavier.sigmas"));
        System.out.println("  xavier.seedPool=" + joined(pool));
    }

    private static String joined(java.util.List<Long> seeds) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < seeds.size(); i++) {
            out.append(i == 0 ? "" : i % 20 == 0 ? ",\\\n    " : ",").append(seeds.get(i));
        }
        return out.toString();
    }

    private static void xor(long from, int count) {
        Thresholds t = Thresholds.get();
        XorExperiment experiment = XorExperiment.fromThresholds();
        System.out.println("\n== XOR: " + experiment.describe());
        int converged = 0;
        double worstConverged = 0;
        long start = System.nanoTime();
        for (long seed = from; seed < from + count; seed++) {
            XorExperiment.Outcome outcome = experiment.run(seed);
            System.out.println("  " + outcome.describe());
            if (outcome.converged()) {
                converged++;
                worstConverged = Math.max(worstConverged, outcome.result().loss());
            }
        }
        double perSeed = (System.nanoTime() - start) / 1e6 / count;
        System.out.printf(Locale.ROOT, "  seeds %d..%d: %d/%d converged; worst converged loss %.4f (bar %s); %.0f ms per seed%n",
                from, from + count - 1, converged, count, worstConverged, t.text("xor.lossBar"), perSeed);
        int graded = 0;
        double worstGraded = 0;
        long[] drawn = XorExperiment.gradedSeeds("xor.seeds");
        for (long seed : drawn) {
            XorExperiment.Outcome outcome = experiment.run(seed);
            graded += outcome.converged() ? 1 : 0;
            worstGraded = Math.max(worstGraded, outcome.result().loss());
        }
        System.out.printf(Locale.ROOT, "  graded seeds (drawn for student seed %d) %s: %d/%d converged (threshold %s), worst loss %.4f = bar / %.1f%n",
                HiddenSeeds.studentSeed(), Arrays.toString(drawn), graded, drawn.length, t.text("xor.requiredSeeds"), worstGraded,
                t.number("xor.lossBar") / worstGraded);
    }

    private static void moons(long from, int count) {
        Thresholds t = Thresholds.get();
        MoonsExperiment experiment = MoonsExperiment.fromThresholds();
        System.out.println("\n== Moons: " + experiment.describe());
        double min = 1;
        double max = 0;
        double minTrain = 1;
        long start = System.nanoTime();
        for (long seed = from; seed < from + count; seed++) {
            MoonsExperiment.Outcome outcome = experiment.withInitSeed(seed).run();
            System.out.println("  init seed " + seed + ": " + outcome.describe());
            min = Math.min(min, outcome.testAccuracy());
            max = Math.max(max, outcome.testAccuracy());
            minTrain = Math.min(minTrain, outcome.train().accuracy());
        }
        double perRun = (System.nanoTime() - start) / 1e6 / count;
        System.out.printf(Locale.ROOT, "  init seeds %d..%d: test accuracy %.2f %% .. %.2f %%, train accuracy >= %.2f %%; %.0f ms per run%n",
                from, from + count - 1, 100 * min, 100 * max, 100 * minTrain, perRun);
        MoonsExperiment.Outcome graded = experiment.run();
        double top = t.number("moons.tier3");
        System.out.printf(Locale.ROOT, "  graded init seed %d: %s; tiers %s / %s / %s; above the top tier by %.2f points (%d test samples)%n",
                experiment.initSeed(), graded.describe(), t.text("moons.tier1"), t.text("moons.tier2"), t.text("moons.tier3"),
                100 * (graded.testAccuracy() - top), Math.round((graded.testAccuracy() - top) * graded.testSize()));
    }

    private static void gradientFlow(long from, int count) {
        Thresholds t = Thresholds.get();
        int[] layers = t.integers("gradientflow.layers");
        System.out.println("\n== Gradient flow: layers " + Arrays.toString(layers));
        double sigmoidMax = 0;
        double sigmoidMin = Double.MAX_VALUE;
        double reluMin = Double.MAX_VALUE;
        double reluMax = 0;
        int vanishing = 0;
        int healthy = 0;
        for (long seed = from; seed < from + count; seed++) {
            GradientFlowReport sigmoid = GradientFlow.measure(seed, HiddenActivation.SIGMOID, layers);
            GradientFlowReport relu = GradientFlow.measure(seed, HiddenActivation.RELU, layers);
            vanishing += sigmoid.verdict() == Verdict.VANISHING ? 1 : 0;
            healthy += relu.verdict() == Verdict.HEALTHY ? 1 : 0;
            sigmoidMax = Math.max(sigmoidMax, sigmoid.norm(1));
            sigmoidMin = Math.min(sigmoidMin, sigmoid.norm(1));
            reluMin = Math.min(reluMin, relu.norm(1));
            reluMax = Math.max(reluMax, relu.norm(1));
        }
        System.out.printf(Locale.ROOT, "  seeds %d..%d: SIGMOID earliest norm %.2e .. %.2e (%d/%d VANISHING); RELU %.2e .. %.2e (%d/%d HEALTHY)%n",
                from, from + count - 1, sigmoidMin, sigmoidMax, vanishing, count, reluMin, reluMax, healthy, count);
        for (long seed : t.seeds("gradientflow.seedPool")) {
            System.out.printf(Locale.ROOT, "  graded seed %d: SIGMOID %.2e (%s), RELU %.2e (%s)%n", seed,
                    GradientFlow.measure(seed, HiddenActivation.SIGMOID, layers).norm(1),
                    GradientFlow.measure(seed, HiddenActivation.SIGMOID, layers).verdict(),
                    GradientFlow.measure(seed, HiddenActivation.RELU, layers).norm(1),
                    GradientFlow.measure(seed, HiddenActivation.RELU, layers).verdict());
        }
    }

    private static void gradients() {
        Thresholds t = Thresholds.get();
        GradientComparison.Limits limits = GradientComparison.Limits.fromThresholds();
        System.out.println("\n== Numerical gradients (" + limits.describe() + ")");
        for (Planted p : GradedCases.networkGradientCases()) {
            NeuralNetwork net = p.network();
            net.forward(p.xArray());
            net.backward(p.yArray());
            Map<String, double[][]> numerical = p.plain().numericalGradients(p.x(), p.y(), limits.epsilon());
            double worst = 0;
            for (Map.Entry<String, double[][]> entry : numerical.entrySet()) {
                double[][] analytical = Arrays2D.of(net.gradient(entry.getKey()));
                double[][] n = entry.getValue();
                for (int r = 0; r < n.length; r++) {
                    for (int c = 0; c < n[r].length; c++) {
                        worst = Math.max(worst, GradientComparison.relativeError(analytical[r][c], n[r][c]));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  %s: worst relative error %.1e (limit %s); smallest hidden |Z| %.2e%n", p.name(), worst,
                    t.text("gradient.maxRelativeError"), p.plain().smallestHiddenMagnitude(p.x()));
        }
        double probe = t.number("gradcheck.probeEpsilon");
        double tolerance = t.number("gradcheck.numericalTolerance");
        PlainNetwork plain = GradedCases.checkerNetwork();
        double[][] x = GradedCases.checkerBatch();
        double[][] y = GradedCases.checkerLabels();
        GradientCheckResult result = NetworkGradientCheck.check(NeuralNetwork.withParameters(plain.parameters(), HiddenActivation.RELU),
                Arrays2D.array(x), Arrays2D.array(y), probe);
        double referenceDeviation = 0;
        double oneSidedMax = 0;
        double oneSidedMin = Double.MAX_VALUE;
        double base = plain.loss(x, y);
        for (String name : plain.names()) {
            double[][] central = plain.numericalGradient(name, x, y, probe);
            double[][] plus = plusLoss(plain, name, x, y, probe);
            for (int r = 0; r < central.length; r++) {
                for (int c = 0; c < central[r].length; c++) {
                    double reference = result.row(name + "[" + r + "," + c + "]").numerical();
                    referenceDeviation = Math.max(referenceDeviation, Math.abs(reference - central[r][c]));
                    double oneSided = (plus[r][c] - base) / probe;
                    oneSidedMax = Math.max(oneSidedMax, Math.abs(oneSided - central[r][c]));
                    oneSidedMin = Math.min(oneSidedMin, Math.abs(oneSided - central[r][c]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "  NetworkGradientCheck probe (ε = %s, tolerance %s): reference deviates by at most %.1e;"
                + " a one-sided difference would deviate by %.1e .. %.1e%n", t.text("gradcheck.probeEpsilon"), t.text("gradcheck.numericalTolerance"),
                referenceDeviation, oneSidedMin, oneSidedMax);
        System.out.printf(Locale.ROOT, "  checker network smallest hidden |Z| %.2e%n", plain.smallestHiddenMagnitude(x));
        double[] p = GradedCases.tinyCheckerPoint();
        double tinyMin = Double.MAX_VALUE;
        for (String name : new String[] {"w1", "b1", "w2", "b2"}) {
            int i = PlainTinyNetwork.index(name);
            double[] q = {p[0], p[1], p[2], p[3]};
            double lossPlus = PlainTinyNetwork.loss(q, name, q[i] + probe, p[4], p[5]);
            double lossMinus = PlainTinyNetwork.loss(q, name, q[i] - probe, p[4], p[5]);
            double lossBase = PlainTinyNetwork.loss(q, name, q[i], p[4], p[5]);
            tinyMin = Math.min(tinyMin, Math.abs((lossPlus - lossBase) / probe - (lossPlus - lossMinus) / (2 * probe)));
        }
        System.out.printf(Locale.ROOT, "  TinyGradientCheck probe: a one-sided difference would deviate by at least %.1e (tolerance %s)%n",
                tinyMin, tolerance);
    }

    private static double[][] plusLoss(PlainNetwork plain, String name, double[][] x, double[][] y, double step) {
        double[][] values = plain.parameter(name);
        double[][] out = new double[values.length][values[0].length];
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                out[r][c] = plain.lossWith(name, r, c, values[r][c] + step, x, y);
            }
        }
        return out;
    }

    private static void xavier() {
        Thresholds t = Thresholds.get();
        int fanIn = t.integer("xavier.fanIn");
        int fanOut = t.integer("xavier.fanOut");
        double[][] w = Arrays2D.of(Xavier.weights(fanOut, fanIn, new NumpyRandom(t.seeds("xavier.seedPool")[0])));
        double n = (double) fanIn * fanOut;
        double sum = 0;
        double squares = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
                squares += v * v;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(squares / n - mean * mean);
        double target = Math.sqrt(1.0 / fanIn);
        System.out.printf(Locale.ROOT, "%n== Xavier %dx%d, seed %s: std %.5f vs %.5f = %.2f standard errors; mean %.5f = %.2f standard errors"
                        + " (limit %s); √(1/fanOut) would be %.0f standard errors away, He's √(2/fanIn) %.0f%n",
                fanOut, fanIn, t.seeds("xavier.seedPool")[0], std, target, (std - target) / (target / Math.sqrt(2 * n)), mean,
                mean / (target / Math.sqrt(n)), t.text("xavier.sigmas"),
                Math.abs(Math.sqrt(1.0 / fanOut) - target) / (target / Math.sqrt(2 * n)),
                Math.abs(Math.sqrt(2.0 / fanIn) - target) / (target / Math.sqrt(2 * n)));
    }
}
