package backproplab.beyond;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient descent with momentum, in the exponential-moving-average form:
 * <pre>
 *   v ← β · v + (1 − β) · g        (v starts at 0, one v per parameter name)
 *   θ ← θ − α · v
 * </pre>
 * (PyTorch's form v ← β·v + g differs by the factor 1/(1 − β) in the effective learning rate.)
 */
public final class Momentum implements Optimizer {

    private final double learningRate;
    private final double beta;
    private final Map<String, INDArray> velocity = new HashMap<>();

    /**
     * @param learningRate α, finite and &gt; 0
     * @param beta         β in [0, 1), typically 0.9
     */
    public Momentum(double learningRate, double beta) {
        this.learningRate = OptimizerArguments.learningRate(learningRate);
        this.beta = OptimizerArguments.decay("beta", beta);
    }

    /** v ← β·v + (1 − β)·g, then θ ← θ − α·v, for every parameter, in place. */
    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        OptimizerArguments.requireMatching("Momentum", parameters, gradients);
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            INDArray v = velocity.computeIfAbsent(entry.getKey(), name -> Nd4j.zerosLike(entry.getValue()));
            update(entry.getValue(), gradients.get(entry.getKey()), v);
        }
    }

    /** v ← β·v + (1 − β)·g and θ ← θ − α·v, both in place. */
    private void update(INDArray parameter, INDArray gradient, INDArray v) {
        // BEGIN SOLUTION [beyond.momentum] v ← β·v + (1 − β)·g, then θ ← θ − α·v, updating v and θ in place | docs/08-beyond.md#momentum
        // HINT: v must be changed in place, or the next step starts again from zero.
        v.muli(beta).addi(gradient.mul(1 - beta));
        parameter.subi(v.mul(learningRate));
        // END SOLUTION
    }

    /** The velocity v of a parameter (a copy), or null before its first step. */
    public INDArray velocity(String name) {
        INDArray v = velocity.get(name);
        return v == null ? null : v.dup();
    }
}
