package backproplab.grader.suites;

import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.GradientComparison;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.PlainTinyNetwork;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import backproplab.tinynet.TinyCache;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of exercise 3, the scalar 1→1→1 network: forward and cache, backward, update. 9 points. */
@DisplayName("Hidden: TinyNetwork (exercise 3)")
class TinyNetworkHiddenTest {

    private static final String DOC = "docs/03-tiny-network.md";
    private static final double TOL = Thresholds.get().number("values.tolerance");

    /** A planted network and one sample; none of them has z1 near ReLU's kink. */
    record Case(String name, double w1, double b1, double w2, double b2, double x, double y) {

        TinyNetwork network() {
            return new TinyNetwork(w1, b1, w2, b2);
        }

        double[] parameters() {
            return new double[] {w1, b1, w2, b2};
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "w1=%s, b1=%s, w2=%s, b2=%s, x=%s, y=%s", Feedback.num(w1), Feedback.num(b1),
                    Feedback.num(w2), Feedback.num(b2), Feedback.num(x), Feedback.num(y));
        }
    }

    /**
     * Five planted networks drawn for the student ({@link HiddenSeeds}, purpose {@code tinynet.cases}), with two
     * decimals: a, the ReLU on at x > 0 and off at x = −3 (for the last-forward test); b, on with w1 < 0 and x < 0;
     * c, the ReLU off; d, on; e, on at a small negative x. Every z1 keeps |z1| ≥ 0.2 from the kink, and |w2| ≥ 0.3.
     */
    static final List<Case> CASES = cases();

    private static List<Case> cases() {
        java.util.SplittableRandom rng = HiddenSeeds.random("tinynet.cases");
        return List.of(
                draw(rng, "a", 0.5, 1.5, 0.8, 2.5, true),
                draw(rng, "b", -1.5, -0.5, -2.5, -0.5, true),
                draw(rng, "c (ReLU off)", 0.3, 1.5, -2.5, -0.8, false),
                draw(rng, "d", -1.5, 1.5, -2.5, 2.5, true),
                draw(rng, "e (negative x)", 0.5, 2.0, -0.3, -0.02, true));
    }

    private static Case draw(java.util.SplittableRandom rng, String name, double w1From, double w1To, double xFrom, double xTo,
                             boolean reluOn) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double w1 = two(HiddenSeeds.uniform(rng, w1From, w1To));
            double b1 = two(HiddenSeeds.uniform(rng, -0.9, 0.9));
            double w2 = two(HiddenSeeds.uniform(rng, -2.5, 2.5));
            double b2 = two(HiddenSeeds.uniform(rng, -1.5, 1.5));
            double x = two(HiddenSeeds.uniform(rng, xFrom, xTo));
            double z1 = w1 * x + b1;
            boolean offAtMinus3 = !name.equals("a") || w1 * -3 + b1 <= -0.2;
            if ((reluOn ? z1 >= 0.2 : z1 <= -0.2) && Math.abs(w2) >= 0.3 && offAtMinus3) {
                return new Case(name, w1, b1, w2, b2, x, rng.nextBoolean() ? 1 : 0);
            }
        }
        throw new IllegalStateException("suite bug: no planted TinyNetwork case " + name);
    }

    private static double two(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Test
    @Graded(points = 2, task = "tinynet.forward", visibility = Visibility.HIDDEN)
    @DisplayName("forward returns ŷ and caches x, z1, a1, z2 and ŷ for five planted networks (ReLU on and off)")
    void forwardAndCache() {
        for (Case c : CASES) {
            TinyNetwork net = c.network();
            TinyCache expected = PlainTinyNetwork.cacheOf(c.w1, c.b1, c.w2, c.b2, c.x);
            double yPred = net.forward(c.x);
            String where = "for " + c;
            Verify.close(yPred, expected.yPred(), TOL, "TinyNetwork.forward", "ŷ " + where,
                    "Check z1 = w1·x + b1, a1 = ReLU(z1), z2 = w2·a1 + b2, ŷ = σ(z2) (" + DOC + "#forward).");
            TinyCache cache = net.cache();
            Verify.that(cache != null, () -> "TinyNetwork.forward — cache() after forward " + where + ": expected a TinyCache, got null; store one ("
                    + DOC + "#forward).");
            Verify.close(cache.x(), c.x, 0, "TinyNetwork.forward", "cache().x() " + where, "The cache keeps the input x.");
            Verify.close(cache.z1(), expected.z1(), TOL, "TinyNetwork.forward", "cache().z1() " + where, "z1 = w1·x + b1, before the ReLU.");
            Verify.close(cache.a1(), expected.a1(), TOL, "TinyNetwork.forward", "cache().a1() " + where, "a1 = ReLU(z1) = max(0, z1).");
            Verify.close(cache.z2(), expected.z2(), TOL, "TinyNetwork.forward", "cache().z2() " + where, "z2 = w2·a1 + b2, before the sigmoid.");
            Verify.close(cache.yPred(), expected.yPred(), TOL, "TinyNetwork.forward", "cache().yPred() " + where, "ŷ = σ(z2).");
            Verify.close(net.forward(c.x), yPred, 0, "TinyNetwork.forward", "a second forward on the same x " + where,
                    "forward must not change the parameters: calling it twice gives the same ŷ (" + DOC + "#forward).");
        }
    }

    @Test
    @Graded(points = 2, task = "tinynet.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward returns the chain-rule gradients, 0 for w1 and b1 when the ReLU is off, and keeps them in gradients()")
    void backwardChainRule() {
        for (Case c : CASES) {
            TinyNetwork net = c.network();
            net.forward(c.x);
            TinyGradients actual = net.backward(c.y);
            TinyGradients expected = PlainTinyNetwork.gradientsOf(c.w1, c.b1, c.w2, c.b2, c.x, c.y);
            String where = "for " + c;
            Verify.that(actual != null, () -> "TinyNetwork.backward — " + where + ": expected the four gradients, got null (" + DOC + "#backward).");
            String chain = "Chain rule: dL/dz2 = ŷ − y, dL/dw2 = dL/dz2·a1, dL/db2 = dL/dz2, dL/dz1 = dL/dz2·w2·ReLU'(z1),"
                    + " dL/dw1 = dL/dz1·x, dL/db1 = dL/dz1 (" + DOC + "#backward).";
            Verify.close(actual.b2(), expected.b2(), TOL, "TinyNetwork.backward", "dL/db2 " + where, chain);
            Verify.close(actual.w2(), expected.w2(), TOL, "TinyNetwork.backward", "dL/dw2 " + where, chain);
            Verify.close(actual.b1(), expected.b1(), TOL, "TinyNetwork.backward", "dL/db1 " + where, chain);
            Verify.close(actual.w1(), expected.w1(), TOL, "TinyNetwork.backward", "dL/dw1 " + where, chain);
            TinyGradients stored = net.gradients();
            Verify.that(stored != null && stored.w1() == actual.w1() && stored.b1() == actual.b1() && stored.w2() == actual.w2()
                    && stored.b2() == actual.b2(), () -> "TinyNetwork.backward — gradients() must return the gradients of the last"
                    + " backward " + where + ": expected " + actual + " (what backward returned), got " + stored + " (" + DOC + "#backward).");
        }
    }

    @Test
    @Graded(points = 2.5, task = "tinynet.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward agrees with central differences of the loss for every parameter of five planted networks")
    void backwardMatchesCentralDifferences() {
        GradientComparison.Limits limits = GradientComparison.Limits.fromThresholds();
        for (Case c : CASES) {
            TinyNetwork net = c.network();
            net.forward(c.x);
            TinyGradients g = net.backward(c.y);
            Map<String, Double> analytical = new LinkedHashMap<>();
            Map<String, Double> numerical = new LinkedHashMap<>();
            double[] p = c.parameters();
            for (String name : TinyNetwork.PARAMETER_NAMES) {
                int i = PlainTinyNetwork.index(name);
                double plus = PlainTinyNetwork.loss(p, name, p[i] + limits.epsilon(), c.x, c.y);
                double minus = PlainTinyNetwork.loss(p, name, p[i] - limits.epsilon(), c.x, c.y);
                numerical.put(name, (plus - minus) / (2 * limits.epsilon()));
                analytical.put(name, g == null ? Double.NaN : g.get(name));
            }
            GradientComparison comparison = GradientComparison.ofScalars(analytical, numerical, limits);
            Verify.that(comparison.passed(), () -> comparison.report(
                    "TinyNetwork.backward — gradients disagree with the numerical check for " + c + ":",
                    "  Check the chain rule from dL/dz2 = ŷ − y backwards; ReLU'(z1) is 0 when z1 = w1·x + b1 ≤ 0 ("
                            + DOC + "#backward)."));
        }
    }

    @Test
    @Graded(points = 1, task = "tinynet.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward uses the values of the LAST forward pass")
    void backwardUsesLastForward() {
        Case first = CASES.get(0);
        TinyNetwork net = first.network();
        net.forward(-3.0);
        net.forward(first.x);
        TinyGradients actual = net.backward(first.y);
        TinyGradients expected = PlainTinyNetwork.gradientsOf(first.w1, first.b1, first.w2, first.b2, first.x, first.y);
        Verify.close(actual.w1(), expected.w1(), TOL, "TinyNetwork.backward", "dL/dw1 after forward(−3) then forward(" + Feedback.num(first.x)
                + ") on " + first, "backward must read x, z1, a1 and ŷ from the cache of the most recent forward (" + DOC + "#backward).");
        Verify.close(actual.w2(), expected.w2(), TOL, "TinyNetwork.backward", "dL/dw2 after forward(−3) then forward(" + Feedback.num(first.x)
                + ") on " + first, "backward must read the cache of the most recent forward (" + DOC + "#backward).");
    }

    @Test
    @Graded(points = 1.5, task = "tinynet.update", visibility = Visibility.HIDDEN)
    @DisplayName("update moves every parameter against its gradient: θ ← θ − α·dL/dθ")
    void updateSteps() {
        double alpha = 0.3;
        for (Case c : CASES) {
            TinyNetwork net = c.network();
            net.forward(c.x);
            TinyGradients g = net.backward(c.y);
            net.update(alpha);
            double[] before = c.parameters();
            for (String name : TinyNetwork.PARAMETER_NAMES) {
                double expected = before[PlainTinyNetwork.index(name)] - alpha * g.get(name);
                double actual = net.parameter(name);
                double added = before[PlainTinyNetwork.index(name)] + alpha * g.get(name);
                String hint = g.get(name) != 0 && Verify.isClose(actual, added, 1e-12) ? "That is θ + α·g: move AGAINST the gradient. " : "";
                Verify.close(actual, expected, TOL, "TinyNetwork.update", name + " after update(0.3) for " + c,
                        hint + "Check θ ← θ − α·dL/dθ with the gradients of the last backward (" + DOC + "#update).");
            }
        }
    }
}
