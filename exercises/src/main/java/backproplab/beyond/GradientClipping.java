package backproplab.beyond;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient clipping by global norm (the notebook's "Gradient clipping: cap gradient magnitude"): when all
 * gradients together are longer than a limit, scale them all down by the same factor, keeping their direction.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * The global L2 norm of all gradients together: ‖g‖ = √(Σ_arrays Σ_elements g²), as if every array were
     * laid end to end in one long vector.
     *
     * @param gradients name → gradient array; not modified
     * @return the global norm, 0 for no gradients
     */
    public static double globalNorm(Map<String, INDArray> gradients) {
        requireArrays(gradients);
        // HINT: add up squares first and take one square root at the end; the sum of per-array norms is not the global norm.
        throw new UnsupportedOperationException("TODO [beyond.globalNorm]: return √(sum of the squares of every element of every array). See docs/08-beyond.md#global-norm");
    }

    /**
     * Clipping by global norm: with n = {@link #globalNorm}(gradients), every gradient becomes g · maxNorm / n when
     * n &gt; maxNorm, and stays g otherwise. The result is a new map (same names, same order) of new arrays;
     * the input arrays are not modified.
     *
     * @param gradients name → gradient array; not modified
     * @param maxNorm   the largest global norm allowed, &gt; 0
     * @return new arrays whose global norm is at most maxNorm
     */
    public static Map<String, INDArray> clipByNorm(Map<String, INDArray> gradients, double maxNorm) {
        requireArrays(gradients);
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, but was " + maxNorm);
        }
        // HINT: one factor for ALL arrays (clipping each array on its own changes the direction), and never scale the caller's arrays in place.
        throw new UnsupportedOperationException("TODO [beyond.clipByNorm]: scale every gradient by maxNorm / globalNorm when the global norm exceeds maxNorm, into new arrays. See docs/08-beyond.md#clipping-by-norm");
    }

    private static void requireArrays(Map<String, INDArray> gradients) {
        Objects.requireNonNull(gradients, "gradients must not be null");
        for (Map.Entry<String, INDArray> entry : gradients.entrySet()) {
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("gradient '" + entry.getKey() + "' is null");
            }
        }
    }
}
