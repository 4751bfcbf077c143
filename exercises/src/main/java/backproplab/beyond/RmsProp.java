package backproplab.beyond;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop: divide each step by a running root-mean-square of recent gradients, element by element:
 * <pre>
 *   s ← β · s + (1 − β) · g²        (s starts at 0, one s per parameter name)
 *   θ ← θ − α · g / (√s + ε)
 * </pre>
 */
public final class RmsProp implements Optimizer {

    private final double learningRate;
    private final double beta;
    private final double epsilon;
    private final Map<String, INDArray> meanSquare = new HashMap<>();

    /**
     * @param learningRate α, finite and &gt; 0 (typically 0.001)
     * @param beta         β in [0, 1), typically 0.9
     * @param epsilon      ε &gt; 0, typically 1e-8
     */
    public RmsProp(double learningRate, double beta, double epsilon) {
        this.learningRate = OptimizerArguments.learningRate(learningRate);
        this.beta = OptimizerArguments.decay("beta", beta);
        this.epsilon = OptimizerArguments.epsilon(epsilon);
    }

    /** s ← β·s + (1 − β)·g², then θ ← θ − α·g/(√s + ε), for every parameter, in place. */
    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        OptimizerArguments.requireMatching("RmsProp", parameters, gradients);
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            INDArray s = meanSquare.computeIfAbsent(entry.getKey(), name -> Nd4j.zerosLike(entry.getValue()));
            update(entry.getValue(), gradients.get(entry.getKey()), s);
        }
    }

    /** s ← β·s + (1 − β)·g² and θ ← θ − α·g/(√s + ε), both in place. */
    private void update(INDArray parameter, INDArray gradient, INDArray s) {
        // HINT: g² and √s are element-wise here, not matrix products; ε goes outside the square root.
        throw new UnsupportedOperationException("TODO [beyond.rmsProp]: s ← β·s + (1 − β)·g², then θ ← θ − α·g/(√s + ε), element-wise, updating s and θ in place. See docs/08-beyond.md#rmsprop");
    }

    /** The running mean square s of a parameter (a copy), or null before its first step. */
    public INDArray meanSquare(String name) {
        INDArray s = meanSquare.get(name);
        return s == null ? null : s.dup();
    }
}
