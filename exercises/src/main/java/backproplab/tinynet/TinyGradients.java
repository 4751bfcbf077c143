package backproplab.tinynet;

/**
 * The four gradients of the loss that {@link TinyNetwork#backward(double)} computes.
 *
 * @param w1 dL/dw1
 * @param b1 dL/db1
 * @param w2 dL/dw2
 * @param b2 dL/db2
 */
public record TinyGradients(double w1, double b1, double w2, double b2) {

    /**
     * The gradient of the parameter with this name.
     *
     * @param name one of {@link TinyNetwork#PARAMETER_NAMES}
     * @throws IllegalArgumentException for any other name
     */
    public double get(String name) {
        return switch (TinyNetwork.checkedName(name)) {
            case "w1" -> w1;
            case "b1" -> b1;
            case "w2" -> w2;
            default -> b2;
        };
    }
}
