package backproplab.scoring;

import java.util.Optional;

/**
 * The shapes a hidden test knows about the network it hands to the student's code, so that an ND4J shape error in
 * {@code NeuralNetwork.forward} or {@code backward} can name its factors ("W2 · A1") and say which shape each should
 * have. A suite sets it when it builds a network for a test; {@link JUnitEventForwarder} clears it when the next test
 * starts. Student code cannot set it: the static allowlist refuses the grader's packages to student classes.
 */
public final class KnownShapes {

    /**
     * A network's layer sizes and the batch size the test uses.
     *
     * @param sizes [n_0 (inputs), n_1, …, n_L]
     * @param batch m, the number of samples (columns of X)
     */
    public record Network(int[] sizes, long batch) {

        /** Copies the sizes. */
        public Network {
            sizes = sizes.clone();
        }

        /** n_i. */
        long n(int layer) {
            return sizes[layer];
        }

        /** L, the number of weight layers. */
        int layers() {
            return sizes.length - 1;
        }
    }

    private static volatile Network network;

    private KnownShapes() {
    }

    /**
     * Records the network of the running test.
     *
     * @param sizes [inputs, hidden sizes…, outputs]
     * @param batch the batch size m of the test's X
     */
    public static void network(int[] sizes, long batch) {
        network = new Network(sizes, batch);
    }

    /** Forgets the network (a new test starts). */
    public static void clear() {
        network = null;
    }

    /** The network of the running test, if its suite said. */
    static Optional<Network> network() {
        return Optional.ofNullable(network);
    }
}
