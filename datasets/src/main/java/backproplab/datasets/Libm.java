package backproplab.datasets;

/** Placeholder: replaced by the glibc ports. */
final class Libm {
    private Libm() {
    }

    static double log(double x) {
        return StrictMath.log(x);
    }

    static double cos(double x) {
        return StrictMath.cos(x);
    }

    static double sin(double x) {
        return StrictMath.sin(x);
    }
}
