package backproplab.grader.suites;

import backproplab.beyond.Adam;
import backproplab.beyond.GradientClipping;
import backproplab.beyond.Momentum;
import backproplab.beyond.Optimizer;
import backproplab.beyond.RmsProp;
import backproplab.beyond.Sgd;
import backproplab.beyond.Xavier;
import backproplab.datasets.NumpyRandom;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 8: SGD, momentum, RMSprop and Adam over three steps against an independent
 * element-by-element computation (state kept per parameter, Adam's bias correction), clipping by global norm,
 * and Xavier's scale (exact draws and a statistical check). 12 points.
 */
@DisplayName("Hidden: beyond the notebook — optimizers, clipping, Xavier (exercise 8)")
class OptimizersHiddenTest {

    private static final String DOC = "docs/08-beyond.md";
    private static final int STEPS = 3;

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    /** The starting parameters drawn for the student ({@link HiddenSeeds}, purpose {@code optimizers.start}), two decimals. */
    private static final double[] START = drawnStart();

    private static double[] drawnStart() {
        java.util.SplittableRandom rng = HiddenSeeds.random("optimizers.start");
        double[] values = new double[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(HiddenSeeds.uniform(rng, -2, 2) * 100) / 100.0;
        }
        return values;
    }

    /** The starting parameters: W (2×3) and b (2×1). */
    private static Map<String, double[][]> start() {
        Map<String, double[][]> p = new LinkedHashMap<>();
        p.put("W", new double[][] {{START[0], START[1], START[2]}, {START[3], START[4], START[5]}});
        p.put("b", new double[][] {{START[6]}, {START[7]}});
        return p;
    }

    /**
     * The gradients of the three steps: different every step, with small, large, negative and zero entries. The course
     * seed keeps the schedule the suite had before it was drawn; a student seed draws each entry of each step from its
     * range ({@link HiddenSeeds}, purpose {@code optimizers.gradients}): W[0,0] in ±[0.1, 0.5), W[0,1] in (−0.1, −0.01],
     * W[0,2] in ±[1, 3), W[1,0] in (−1.2, −0.4], W[1,1] = 0, W[1,2] in [1e-4, 9e-4) (tiny: ε matters), b[0] in [−0.8, 0.8),
     * b[1] in [0.1, 0.6).
     */
    private static final java.util.List<Map<String, double[][]>> GRADIENTS = drawnGradients();

    private static java.util.List<Map<String, double[][]>> drawnGradients() {
        java.util.List<Map<String, double[][]>> steps = new java.util.ArrayList<>();
        java.util.SplittableRandom rng = HiddenSeeds.random("optimizers.gradients");
        for (int t = 0; t < STEPS; t++) {
            Map<String, double[][]> g = new LinkedHashMap<>();
            if (HiddenSeeds.isCourseSeed()) {
                double s = 1 + 0.5 * t;
                g.put("W", new double[][] {{0.2 * s, -0.03 * s * s, 1.5 - t}, {-0.8 / s, 0.0, 4e-4 * s}});
                g.put("b", new double[][] {{-0.6 + 0.4 * t}, {0.25 * s}});
            } else {
                g.put("W", new double[][] {{signed(rng, 0.1, 0.5), -two(HiddenSeeds.uniform(rng, 0.01, 0.1)), signed(rng, 1, 3)},
                    {-two(HiddenSeeds.uniform(rng, 0.4, 1.2)), 0.0, Math.round(HiddenSeeds.uniform(rng, 1e-4, 9e-4) * 1e6) / 1e6}});
                g.put("b", new double[][] {{two(HiddenSeeds.uniform(rng, -0.8, 0.8))}, {two(HiddenSeeds.uniform(rng, 0.1, 0.6))}});
            }
            steps.add(g);
        }
        return steps;
    }

    /** A magnitude in [from, to) with a random sign, two decimals. */
    private static double signed(java.util.SplittableRandom rng, double from, double to) {
        return (rng.nextBoolean() ? 1 : -1) * two(HiddenSeeds.uniform(rng, from, to));
    }

    private static double two(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The gradient of step t (0-based), as a new map of new arrays. */
    private static Map<String, double[][]> gradient(int t) {
        Map<String, double[][]> g = new LinkedHashMap<>();
        GRADIENTS.get(t).forEach((name, v) -> g.put(name, Arrays2D.copy(v)));
        return g;
    }

    /**
     * A third gradient array W2 (1×2) for the clipping tests: (3, −4) under the course seed, else drawn (purpose
     * {@code optimizers.clip}) with both magnitudes in [2, 4), so that the global norm is always above the clip at 1.5.
     */
    private static double[][] thirdArray() {
        if (HiddenSeeds.isCourseSeed()) {
            return new double[][] {{3, -4}};
        }
        java.util.SplittableRandom rng = HiddenSeeds.random("optimizers.clip");
        return new double[][] {{two(HiddenSeeds.uniform(rng, 2, 4)), -two(HiddenSeeds.uniform(rng, 2, 4))}};
    }

    private static Map<String, INDArray> arrays(Map<String, double[][]> values) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        values.forEach((name, v) -> arrays.put(name, Arrays2D.array(v)));
        return arrays;
    }

    /** One element's update rule: (θ, g, state, t) → new θ, updating state in place. */
    private interface Rule {
        double apply(double theta, double g, double[] state, int t);
    }

    /** Runs {@code optimizer} for three steps and compares every element after every step with {@code rule}. */
    private static void compare(String method, Supplier<Optimizer> optimizerFactory, Rule rule, String equation) {
        Optimizer optimizer = optimizerFactory.get();
        Map<String, double[][]> expected = start();
        Map<String, double[][][]> state = new LinkedHashMap<>();
        expected.forEach((name, v) -> state.put(name, new double[v.length][v[0].length][2]));
        Map<String, INDArray> params = arrays(start());
        Map<String, INDArray> live = new LinkedHashMap<>(params);
        for (int t = 1; t <= STEPS; t++) {
            Map<String, double[][]> g = gradient(t - 1);
            Map<String, INDArray> grads = arrays(g);
            optimizer.step(params, grads);
            for (String name : expected.keySet()) {
                double[][] e = expected.get(name);
                for (int r = 0; r < e.length; r++) {
                    for (int c = 0; c < e[r].length; c++) {
                        e[r][c] = rule.apply(e[r][c], g.get(name)[r][c], state.get(name)[r][c], t);
                    }
                }
                Verify.that(params.get(name) == live.get(name), () -> method + " — parameter '" + name
                        + "': expected the same array object after the step (changed in place), got a new array in the map; update the"
                        + " array in place (" + DOC + ").");
                Verify.matrix(params.get(name), e, 1e-12, method, "parameter " + name + " after step " + t + " of " + STEPS
                        + " (two parameters, W 2×3 and b 2×1, each with its own state)", equation);
                Verify.unchanged(grads.get(name), g.get(name), method, "the gradient " + name);
            }
        }
    }

    @Test
    @Graded(points = 1, task = "beyond.sgd", visibility = Visibility.HIDDEN)
    @DisplayName("Sgd(0.2) steps θ ← θ − 0.2·g three times, in place")
    void sgd() {
        compare("Sgd.step", () -> new Sgd(0.2), (theta, g, s, t) -> theta - 0.2 * g,
                "θ ← θ − α·g, changing the parameter array in place (" + DOC + "#sgd).");
    }

    @Test
    @Graded(points = 2, task = "beyond.momentum", visibility = Visibility.HIDDEN)
    @DisplayName("Momentum(0.1, 0.8) keeps one velocity per parameter: v ← βv + (1 − β)g, θ ← θ − αv, over three steps")
    void momentum() {
        compare("Momentum.step", () -> new Momentum(0.1, 0.8), (theta, g, s, t) -> {
            s[0] = 0.8 * s[0] + 0.2 * g;
            return theta - 0.1 * s[0];
        }, "v ← β·v + (1 − β)·g with v starting at 0 and kept between steps (one v per parameter name), then θ ← θ − α·v ("
                + DOC + "#momentum).");
    }

    @Test
    @Graded(points = 2, task = "beyond.rmsProp", visibility = Visibility.HIDDEN)
    @DisplayName("RmsProp(0.05, 0.7, 1e-6) keeps one mean square per parameter: s ← βs + (1 − β)g², θ ← θ − αg/(√s + ε)")
    void rmsProp() {
        compare("RmsProp.step", () -> new RmsProp(0.05, 0.7, 1e-6), (theta, g, s, t) -> {
            s[0] = 0.7 * s[0] + 0.3 * g * g;
            return theta - 0.05 * g / (Math.sqrt(s[0]) + 1e-6);
        }, "s ← β·s + (1 − β)·g² element-wise, kept between steps per parameter; θ ← θ − α·g / (√s + ε), ε outside the root ("
                + DOC + "#rmsprop).");
    }

    @Test
    @Graded(points = 2.5, task = "beyond.adam", visibility = Visibility.HIDDEN)
    @DisplayName("Adam(0.01, 0.8, 0.95, 1e-7) matches the bias-corrected update over three steps, with t shared by all parameters")
    void adam() {
        double b1 = 0.8;
        double b2 = 0.95;
        Adam[] made = new Adam[1];
        compare("Adam.step", () -> made[0] = new Adam(0.01, b1, b2, 1e-7), (theta, g, s, t) -> {
            s[0] = b1 * s[0] + (1 - b1) * g;
            s[1] = b2 * s[1] + (1 - b2) * g * g;
            double mHat = s[0] / (1 - Math.pow(b1, t));
            double vHat = s[1] / (1 - Math.pow(b2, t));
            return theta - 0.01 * mHat / (Math.sqrt(vHat) + 1e-7);
        }, "m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g² (kept uncorrected per parameter), m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t),"
                + " θ ← θ − α·m̂/(√v̂ + ε), with t = 1 on the first step and one t for the whole step, not per parameter (" + DOC + "#adam).");
        Verify.that(made[0].steps() == STEPS, () -> "Adam.step — steps() after " + STEPS + " calls of step: expected " + STEPS + ", got "
                + made[0].steps() + "; count each call once, whatever the number of parameters (" + DOC + "#adam).");
    }

    @Test
    @Graded(points = 1, task = "beyond.globalNorm", visibility = Visibility.HIDDEN)
    @DisplayName("globalNorm is √(sum of squares of every element of every array)")
    void globalNorm() {
        Map<String, double[][]> g = gradient(2);
        g.put("W2", thirdArray());
        double sum = 0;
        for (double[][] values : g.values()) {
            for (double[] row : values) {
                for (double v : row) {
                    sum += v * v;
                }
            }
        }
        Map<String, INDArray> arrays = arrays(g);
        double actual = GradientClipping.globalNorm(arrays);
        Verify.close(actual, Math.sqrt(sum), 1e-12, "GradientClipping.globalNorm", "global norm of three gradient arrays",
                "‖g‖ = √(Σ_arrays Σ_elements g²): one square root at the end, not a sum of per-array norms (" + DOC + "#global-norm).");
        g.forEach((name, v) -> Verify.unchanged(arrays.get(name), v, "GradientClipping.globalNorm", "gradient " + name));
        Verify.close(GradientClipping.globalNorm(new LinkedHashMap<>()), 0, 0, "GradientClipping.globalNorm", "global norm of no arrays",
                "An empty map has norm 0 (" + DOC + "#global-norm).");
    }

    @Test
    @Graded(points = 1.5, task = "beyond.clipByNorm", visibility = Visibility.HIDDEN)
    @DisplayName("clipByNorm scales ALL arrays by maxNorm/‖g‖ when ‖g‖ > maxNorm (into new arrays) and copies them unchanged otherwise")
    void clipByNorm() {
        Map<String, double[][]> g = gradient(0);
        g.put("W2", thirdArray());
        double sum = 0;
        for (double[][] values : g.values()) {
            for (double[] row : values) {
                for (double v : row) {
                    sum += v * v;
                }
            }
        }
        double norm = Math.sqrt(sum);
        for (double maxNorm : new double[] {1.5, 2 * norm}) {
            Map<String, INDArray> arrays = arrays(g);
            Map<String, INDArray> clipped = GradientClipping.clipByNorm(arrays, maxNorm);
            double scale = norm > maxNorm ? maxNorm / norm : 1.0;
            for (String name : g.keySet()) {
                double[][] expected = Arrays2D.copy(g.get(name));
                for (double[] row : expected) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] *= scale;
                    }
                }
                Verify.that(clipped != null && clipped.containsKey(name), () -> "GradientClipping.clipByNorm — expected the result to have '" + name
                        + "', got " + (clipped == null ? "null" : "names " + clipped.keySet()) + "; keep every name of the input (" + DOC + "#clipping-by-norm).");
                Verify.matrix(clipped.get(name), expected, 1e-12, "GradientClipping.clipByNorm", "clipped " + name + " with maxNorm "
                        + Feedback.num(maxNorm) + " (global norm " + Feedback.num(norm) + ")",
                        "When ‖g‖ > maxNorm every array is multiplied by the SAME factor maxNorm/‖g‖ (clipping each array on its own changes"
                                + " the direction); otherwise nothing changes (" + DOC + "#clipping-by-norm).");
                Verify.unchanged(arrays.get(name), g.get(name), "GradientClipping.clipByNorm", "the input gradient " + name
                        + " (return new arrays)");
                Verify.notSameArray(clipped.get(name), arrays.get(name), "GradientClipping.clipByNorm", "clipped " + name + " with maxNorm "
                        + Feedback.num(maxNorm) + " (global norm " + Feedback.num(norm) + (norm > maxNorm ? ", so it is scaled)" : ", so its values stay)"),
                        "The result is a new map of NEW arrays, also when nothing needs scaling: a caller that changes the result"
                                + " (an optimizer step, another clip) must not change its own gradients (" + DOC + "#clipping-by-norm).");
            }
            Verify.that(clipped != arrays, () -> "GradientClipping.clipByNorm — with maxNorm " + Feedback.num(maxNorm) + " (global norm "
                    + Feedback.num(norm) + "): expected a new map, got the caller's own map back (" + DOC + "#clipping-by-norm).");
        }
    }

    @Test
    @Graded(points = 1, task = "beyond.xavier", visibility = Visibility.HIDDEN)
    @DisplayName("Xavier.weights(5, 8, rng) is randn(5, 8) · √(1/8) drawn from that rng")
    void xavierExact() {
        long seed = HiddenSeeds.seed("xavier.exact");
        INDArray w = Xavier.weights(5, 8, new NumpyRandom(seed));
        double[][] expected = new NumpyRandom(seed).randn(5, 8);
        for (double[] row : expected) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= Math.sqrt(1.0 / 8);
            }
        }
        Verify.matrix(w, expected, 1e-12, "Xavier.weights", "weights(5, 8, new NumpyRandom(" + seed + "))",
                "W = randn(fanOut, fanIn) · √(1 / fanIn): shape (5, 8), scale √(1/8) (" + DOC + "#xavier-initialisation).");
    }

    @Test
    @Graded(points = 1, task = "beyond.xavier", visibility = Visibility.HIDDEN)
    @DisplayName("Xavier weights of a 400×50 layer have mean ≈ 0 and standard deviation ≈ √(1/50) within a few standard errors")
    void xavierScale() {
        Thresholds t = Thresholds.get();
        int fanIn = t.integer("xavier.fanIn");
        int fanOut = t.integer("xavier.fanOut");
        double sigmas = t.number("xavier.sigmas");
        double[][] w = Arrays2D.of(Xavier.weights(fanOut, fanIn, new NumpyRandom(HiddenSeeds.distinct("xavier.seed", t.seeds("xavier.seedPool"), 1)[0])));
        Verify.that(w.length == fanOut && w[0].length == fanIn, () -> "Xavier.weights — expected shape " + Feedback.shape(fanOut, fanIn)
                + " (fanOut, fanIn), got " + Feedback.shape(w.length, w[0].length) + ".");
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
        double stdError = target / Math.sqrt(2 * n);
        double meanError = target / Math.sqrt(n);
        Verify.that(Math.abs(std - target) <= sigmas * stdError && Math.abs(mean) <= sigmas * meanError, () -> String.format(
                java.util.Locale.ROOT, "Xavier.weights — %d×%d weights: expected standard deviation %.5f = √(1/%d)"
                        + " within %.5f (%.0f standard errors) and mean 0 within %.5f, got standard deviation %.5f and mean %.5f.%n  Var(W) = 1/fanIn: the scale uses fanIn (the"
                        + " previous layer), without He's factor 2 (" + DOC + "#xavier-initialisation).",
                fanOut, fanIn, target, fanIn, sigmas * stdError, sigmas, sigmas * meanError, std, mean));
    }
}
