package backproplab.grader.suites;

import backproplab.chainrule.ChainRule;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.Verify;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of exercise 1, the chain rule on y = (3x + 2)² and central differences. 6 points. */
@DisplayName("Hidden: chain rule (exercise 1)")
class ChainRuleHiddenTest {

    private static final String DOC = "docs/01-chain-rule.md";
    /**
     * Six inputs: zero, −2/3 (where u = 0), and four drawn for the student (a negative, a small and a larger positive,
     * a large one), rounded to 4 decimals so that messages show them exactly.
     */
    private static final double[] XS = inputs();

    private static double[] inputs() {
        java.util.SplittableRandom rng = HiddenSeeds.random("chainrule.inputs");
        return new double[] {round(HiddenSeeds.uniform(rng, -4, -1)), -2.0 / 3.0, 0.0, round(HiddenSeeds.uniform(rng, 0.05, 1)),
            round(HiddenSeeds.uniform(rng, 1, 6)), round(HiddenSeeds.uniform(rng, 6, 15))};
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    @Test
    @Graded(points = 1.5, task = "chainrule.forward", visibility = Visibility.HIDDEN)
    @DisplayName("forward gives u = 3x + 2 and y = u² at six inputs, zero and negatives included")
    void forwardValues() {
        for (double x : XS) {
            double u = 3 * x + 2;
            ChainRule.Forward forward = ChainRule.forward(x);
            Verify.close(forward.u(), u, 1e-12, "ChainRule.forward", "u for x = " + Feedback.num(x),
                    "Check u = g(x) = 3x + 2 (" + DOC + "#forward).");
            Verify.close(forward.y(), u * u, 1e-12, "ChainRule.forward", "y for x = " + Feedback.num(x),
                    "Check y = f(u) = u² with u = 3x + 2 (" + DOC + "#forward).");
        }
    }

    @Test
    @Graded(points = 1.5, task = "chainrule.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward gives dy/dx = 2u · 3 at six inputs, matching a central difference of y(x)")
    void backwardValues() {
        for (double x : XS) {
            double u = 3 * x + 2;
            double expected = 6 * u;
            double numerical = ((3 * (x + 1e-4) + 2) * (3 * (x + 1e-4) + 2) - (3 * (x - 1e-4) + 2) * (3 * (x - 1e-4) + 2)) / 2e-4;
            double actual = ChainRule.backward(x, u);
            Verify.close(actual, expected, 1e-12, "ChainRule.backward", "dy/dx at x = " + Feedback.num(x) + " (u = " + Feedback.num(u) + ")",
                    "Numerically, (y(x+h) − y(x−h)) / 2h = " + Feedback.num(numerical) + ". Check dy/dx = dy/du · du/dx = 2u · 3"
                            + " (" + DOC + "#backward).");
        }
    }

    @Test
    @Graded(points = 2, task = "chainrule.centralDifference", visibility = Visibility.HIDDEN)
    @DisplayName("centralDifference is (f(x+ε) − f(x−ε)) / 2ε for exp, sin and x³, and far more accurate than a one-sided difference")
    void centralDifferenceFormula() {
        record Case(String name, DoubleUnaryOperator f, double x, double eps, double derivative) {
        }
        // The points: 0.7, −1.3, 2 and 0.5 under the course seed, else drawn for the student, each where f'' is far from 0
        // (so that a one-sided difference is clearly off).
        double[] at = {0.7, -1.3, 2.0, 0.5};
        if (!HiddenSeeds.isCourseSeed()) {
            java.util.SplittableRandom rng = HiddenSeeds.random("chainrule.centralDifference");
            at = new double[] {round(HiddenSeeds.uniform(rng, -1, 2)), (rng.nextBoolean() ? 1 : -1) * round(HiddenSeeds.uniform(rng, 0.8, 2.3)),
                (rng.nextBoolean() ? 1 : -1) * round(HiddenSeeds.uniform(rng, 0.5, 3)), round(HiddenSeeds.uniform(rng, 0.3, 1.5))};
        }
        double cubeAt = at[2];
        double inverseAt = at[3];
        Case[] cases = {
            new Case("exp", Math::exp, at[0], 1e-3, Math.exp(at[0])),
            new Case("sin", Math::sin, at[1], 1e-2, Math.cos(at[1])),
            new Case("x³", x -> x * x * x, cubeAt, 1e-2, 3 * cubeAt * cubeAt),
            new Case("1/x", x -> 1 / x, inverseAt, 1e-4, -1 / (inverseAt * inverseAt)),
        };
        for (Case c : cases) {
            double central = (c.f.applyAsDouble(c.x + c.eps) - c.f.applyAsDouble(c.x - c.eps)) / (2 * c.eps);
            double oneSided = (c.f.applyAsDouble(c.x + c.eps) - c.f.applyAsDouble(c.x)) / c.eps;
            double actual = ChainRule.centralDifference(c.f, c.x, c.eps);
            String hint = Math.abs(actual - oneSided) < 1e-9 * Math.max(1, Math.abs(oneSided))
                    ? "That is the one-sided difference (f(x+ε) − f(x)) / ε; step to both sides of x."
                    : "Check (f(x + ε) − f(x − ε)) / 2ε, with the ε that was passed in.";
            Verify.close(actual, central, 1e-9, "ChainRule.centralDifference",
                    c.name + "'(" + Feedback.num(c.x) + ") with ε = " + Feedback.num(c.eps)
                            + " (exact derivative " + Feedback.num(c.derivative) + ")",
                    hint + " (" + DOC + "#central-difference)");
        }
    }

    @Test
    @Graded(points = 1, task = "chainrule.centralDifference", visibility = Visibility.HIDDEN)
    @DisplayName("centralDifference uses the ε it is given: exact for x² at any ε, and ε² off for x³")
    void centralDifferenceUsesGivenStep() {
        // −1.5 under the course seed, else drawn for the student.
        double x = HiddenSeeds.isCourseSeed() ? -1.5
                : (HiddenSeeds.random("chainrule.givenStep").nextBoolean() ? 1 : -1) * round(HiddenSeeds.uniform(HiddenSeeds.random("chainrule.givenStep.x"), 0.5, 3));
        String xText = HiddenSeeds.isCourseSeed() ? "−1.5" : Feedback.num(x);
        for (double eps : new double[] {0.5, 0.1, 1e-5}) {
            double square = ChainRule.centralDifference(v -> v * v, x, eps);
            Verify.close(square, 2 * x, 1e-9, "ChainRule.centralDifference", "d(x²)/dx at x = " + xText + " with ε = " + Feedback.num(eps),
                    "For f(x) = x² the central difference is exactly 2x whatever ε is. Check (f(x + ε) − f(x − ε)) / 2ε ("
                            + DOC + "#central-difference).");
        }
        double cube = ChainRule.centralDifference(v -> v * v * v, x, 0.1);
        Verify.close(cube, 3 * x * x + 0.1 * 0.1, 1e-9, "ChainRule.centralDifference", "d(x³)/dx at x = " + xText + " with ε = 0.1",
                "For f(x) = x³ the central difference is 3x² + ε²: use the ε argument, not a fixed step ("
                        + DOC + "#central-difference).");
    }
}
