package backproplab.beyond;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One rule for turning gradients into a parameter update (the notebook's "Better optimizers: Adam, RMSprop").
 * Plain gradient descent is {@link Sgd}; {@link Momentum}, {@link RmsProp} and {@link Adam} keep a running state
 * per parameter name between steps.
 *
 * <p>Typical use with a {@code NeuralNetwork net}: {@code net.forward(X); net.backward(Y);
 * optimizer.step(net.parameters(), net.gradients());}
 */
public interface Optimizer {

    /**
     * Updates every parameter IN PLACE (the arrays in {@code parameters} are changed, the map is not) from the
     * gradient with the same name. The gradients are not modified.
     *
     * @param parameters name → live parameter array, e.g. {@code net.parameters()}
     * @param gradients  name → gradient of the loss with respect to that parameter; same names and shapes
     * @throws IllegalArgumentException if a parameter has no gradient or a gradient has another shape
     */
    void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients);
}
