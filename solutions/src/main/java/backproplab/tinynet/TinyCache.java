package backproplab.tinynet;

/**
 * What {@link TinyNetwork#forward(double)} remembers for the backward pass.
 *
 * @param x     the input
 * @param z1    z1 = w1·x + b1
 * @param a1    a1 = ReLU(z1)
 * @param z2    z2 = w2·a1 + b2
 * @param yPred ŷ = σ(z2)
 */
public record TinyCache(double x, double z1, double a1, double z2, double yPred) {
}
