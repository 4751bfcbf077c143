package backproplab.gradientflow;

import backproplab.network.HiddenActivation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One gradient-flow measurement: the network's layer sizes and hidden activation, the Frobenius norm of each
 * dW_i ordered from the output layer back to layer 1, and the verdict on the earliest layer.
 *
 * @param layerSizes         [inputs, hidden…, outputs]
 * @param hidden             the hidden activation
 * @param normsOutputFirst   ‖dW_L‖, ‖dW_{L−1}‖, …, ‖dW_1‖
 * @param verdict            {@link GradientFlow#verdict} of those norms
 */
public record GradientFlowReport(int[] layerSizes, HiddenActivation hidden, double[] normsOutputFirst, Verdict verdict) {

    /** Copies the arrays; there must be one norm per weight layer. */
    public GradientFlowReport {
        Objects.requireNonNull(layerSizes, "layerSizes");
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(normsOutputFirst, "normsOutputFirst");
        Objects.requireNonNull(verdict, "verdict");
        if (normsOutputFirst.length != layerSizes.length - 1) {
            throw new IllegalArgumentException("one norm per weight layer expected: " + (layerSizes.length - 1)
                    + ", but got " + normsOutputFirst.length);
        }
        layerSizes = layerSizes.clone();
        normsOutputFirst = normsOutputFirst.clone();
    }

    /** [inputs, hidden…, outputs] (a copy). */
    @Override
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    /** ‖dW_L‖ … ‖dW_1‖ (a copy). */
    @Override
    public double[] normsOutputFirst() {
        return normsOutputFirst.clone();
    }

    /** ‖dW_layer‖ for layer = 1 … L. */
    public double norm(int layer) {
        if (layer < 1 || layer > normsOutputFirst.length) {
            throw new IllegalArgumentException("layer must be 1 … " + normsOutputFirst.length + ", but was " + layer);
        }
        return normsOutputFirst[normsOutputFirst.length - layer];
    }

    /** The notebook's printout: the norms from output to input, then the verdict line. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Gradient flow, ").append(architecture()).append(", ").append(hidden).append(" hidden layers\n");
        out.append("Gradient magnitudes (from output to input):\n");
        for (int k = 0; k < normsOutputFirst.length; k++) {
            out.append(String.format(Locale.ROOT, "  Layer %d: %.6g%n", normsOutputFirst.length - k, normsOutputFirst[k]));
        }
        out.append(switch (verdict) {
            case VANISHING -> "⚠️ Vanishing gradient detected in early layers!";
            case EXPLODING -> "⚠️ Exploding gradient detected in early layers!";
            case HEALTHY -> "✅ Gradients are well-behaved!";
        });
        return out.toString();
    }

    /** "10 → 8 → … → 1". */
    public String architecture() {
        return String.join(" → ", Arrays.stream(layerSizes).mapToObj(Integer::toString).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradientFlowReport that && Arrays.equals(layerSizes, that.layerSizes)
                && hidden == that.hidden && Arrays.equals(normsOutputFirst, that.normsOutputFirst)
                && verdict == that.verdict;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(layerSizes), hidden, Arrays.hashCode(normsOutputFirst), verdict);
    }

    @Override
    public String toString() {
        return describe();
    }
}
