package backproplab.beyond;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Argument checks shared by the optimizers, so that every one fails with the same clear message. */
final class OptimizerArguments {

    private OptimizerArguments() {
    }

    static double learningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be finite and > 0, but was " + learningRate);
        }
        return learningRate;
    }

    static double decay(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), but was " + beta);
        }
        return beta;
    }

    static double epsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, but was " + epsilon);
        }
        return epsilon;
    }

    /** Every parameter has a gradient of the same shape, and there is no gradient without a parameter. */
    static void requireMatching(String optimizer, Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        Objects.requireNonNull(parameters, "parameters must not be null");
        Objects.requireNonNull(gradients, "gradients must not be null");
        for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
            String name = entry.getKey();
            INDArray gradient = gradients.get(name);
            if (entry.getValue() == null) {
                throw new IllegalArgumentException(optimizer + ".step: parameter '" + name + "' is null");
            }
            if (gradient == null) {
                throw new IllegalArgumentException(optimizer + ".step: no gradient for parameter '" + name
                        + "'; gradients has " + gradients.keySet() + ". Did backward run?");
            }
            if (!Arrays.equals(gradient.shape(), entry.getValue().shape())) {
                throw new IllegalArgumentException(optimizer + ".step: gradient '" + name + "' has shape "
                        + Arrays.toString(gradient.shape()) + " but the parameter has shape "
                        + Arrays.toString(entry.getValue().shape()));
            }
        }
        for (String name : gradients.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException(optimizer + ".step: gradient '" + name
                        + "' has no parameter; parameters has " + parameters.keySet());
            }
        }
    }
}
