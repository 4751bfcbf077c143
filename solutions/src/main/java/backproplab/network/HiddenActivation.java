package backproplab.network;

/**
 * The activation g of the hidden layers of a {@link NeuralNetwork}; the output layer is always a sigmoid.
 *
 * <p>{@link #RELU} is the notebook's choice (section 5). {@link #SIGMOID} is there for section 6, to watch
 * gradients vanish: its derivative σ(z)(1 − σ(z)) is at most 0.25, so every layer shrinks the gradient.
 */
public enum HiddenActivation {
    /** g(z) = max(0, z), g'(z) = 1 where z &gt; 0, else 0. */
    RELU,
    /** g(z) = σ(z) = 1 / (1 + e^−z), g'(z) = σ(z)(1 − σ(z)). */
    SIGMOID
}
