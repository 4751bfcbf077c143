package backproplab.bench;

import backproplab.runtime.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The floor of a grading run, for grading-benchmark.sh: a JVM with the test JVM's class path that starts ND4J as the
 * test JVM does ({@link Backend#describe()}) and runs one op. Nothing a grade does can cost less than this.
 */
public final class GradingFloor {

    private GradingFloor() {
    }

    /** Prints the backend line and the result of one matrix product. */
    public static void main(String[] args) {
        String backend = Backend.describe();
        INDArray product = Nd4j.ones(2, 2).mmul(Nd4j.ones(2, 2));
        System.out.println(backend + "; one op: sum(ones(2,2) x ones(2,2)) = " + product.sumNumber());
    }
}
