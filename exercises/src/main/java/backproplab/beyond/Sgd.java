package backproplab.beyond;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain gradient descent, the notebook's update: θ ← θ − α · g. No state. */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /** @param learningRate α, finite and &gt; 0 */
    public Sgd(double learningRate) {
        this.learningRate = OptimizerArguments.learningRate(learningRate);
    }

    /** θ ← θ − α · g for every parameter, in place. */
    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        OptimizerArguments.requireMatching("Sgd", parameters, gradients);
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            update(entry.getValue(), gradients.get(entry.getKey()));
        }
    }

    /** θ ← θ − α · g, in place on θ. */
    private void update(INDArray parameter, INDArray gradient) {
        throw new UnsupportedOperationException("TODO [beyond.sgd]: θ ← θ − α·g, changing the parameter array in place. See docs/08-beyond.md#sgd");
    }

    /** α. */
    public double learningRate() {
        return learningRate;
    }
}
