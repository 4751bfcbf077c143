package backproplab.beyond;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam: momentum and RMSprop together, with bias correction. With t the number of steps taken so far
 * (1 on the first step, shared by all parameters):
 * <pre>
 *   m ← β1 · m + (1 − β1) · g            v ← β2 · v + (1 − β2) · g²      (m, v start at 0, per parameter name)
 *   m̂ = m / (1 − β1^t)                    v̂ = v / (1 − β2^t)
 *   θ ← θ − α · m̂ / (√v̂ + ε)
 * </pre>
 * On the first step m̂ = g and v̂ = g², so every element moves by α · g / (|g| + ε) ≈ α · sign(g).
 */
public final class Adam implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, INDArray> firstMoment = new HashMap<>();
    private final Map<String, INDArray> secondMoment = new HashMap<>();
    private int t;

    /**
     * @param learningRate α, finite and &gt; 0 (typically 0.001)
     * @param beta1        β1 in [0, 1), typically 0.9
     * @param beta2        β2 in [0, 1), typically 0.999
     * @param epsilon      ε &gt; 0, typically 1e-8
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = OptimizerArguments.learningRate(learningRate);
        this.beta1 = OptimizerArguments.decay("beta1", beta1);
        this.beta2 = OptimizerArguments.decay("beta2", beta2);
        this.epsilon = OptimizerArguments.epsilon(epsilon);
    }

    /** t ← t + 1, then the Adam update of every parameter, in place. */
    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        OptimizerArguments.requireMatching("Adam", parameters, gradients);
        t++;
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            INDArray m = firstMoment.computeIfAbsent(entry.getKey(), name -> Nd4j.zerosLike(entry.getValue()));
            INDArray v = secondMoment.computeIfAbsent(entry.getKey(), name -> Nd4j.zerosLike(entry.getValue()));
            update(entry.getValue(), gradients.get(entry.getKey()), m, v);
        }
    }

    /**
     * m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g² (in place), then θ ← θ − α·m̂/(√v̂ + ε) with
     * m̂ = m/(1 − β1^t) and v̂ = v/(1 − β2^t), using the current step count t.
     */
    private void update(INDArray parameter, INDArray gradient, INDArray m, INDArray v) {
        // HINT: keep m and v uncorrected in the state; m̂ and v̂ are new arrays for this step only. t is 1 on the first step.
        throw new UnsupportedOperationException("TODO [beyond.adam]: update m and v in place, bias-correct them with step t, then θ ← θ − α·m̂/(√v̂ + ε). See docs/08-beyond.md#adam");
    }

    /** Steps taken so far (t). */
    public int steps() {
        return t;
    }
}
