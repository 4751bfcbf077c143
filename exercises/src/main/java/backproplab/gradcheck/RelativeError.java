package backproplab.gradcheck;

/**
 * The relative error used to compare an analytical gradient with a numerical one.
 *
 * <p>Relative, not absolute, because gradients range from 1e-8 to 1e+3: a difference of 1e-6 is
 * huge for the first and nothing for the second.
 */
public final class RelativeError {

    private RelativeError() {
    }

    /**
     * relative error = |a − n| / (|a| + |n|), and 0 when a = n = 0 (nothing to compare, nothing wrong).
     *
     * <p>The result lies in [0, 1]: 0 when the two agree exactly, 1 when they have opposite signs or
     * one of them is 0 and the other is not. It is NaN when either input is NaN.
     *
     * @param analytical the gradient from backpropagation
     * @param numerical  the gradient from central differences
     * @return |a − n| / (|a| + |n|), or 0 when both are 0
     */
    public static double of(double analytical, double numerical) {
        // HINT: the guard matters: 0 / 0 is NaN in Java, and a NaN never passes a comparison.
        throw new UnsupportedOperationException("TODO [gradcheck.relativeError]: compute |a − n| / (|a| + |n|), returning 0 when both are 0. See docs/04-gradient-check.md#relative-error");
    }
}
