package backproplab.training;

import java.util.Arrays;

/**
 * The mean loss of every epoch of a training run, first epoch first. Immutable: the array is copied
 * on the way in and on the way out.
 *
 * @param losses one mean loss per epoch; at least one
 */
public record TrainingHistory(double[] losses) {

    public TrainingHistory {
        if (losses == null || losses.length == 0) {
            throw new IllegalArgumentException("A training history needs the loss of at least one epoch.");
        }
        losses = losses.clone();
    }

    /** A copy of the losses, one per epoch. */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The loss of the first epoch. */
    public double first() {
        return losses[0];
    }

    /** The loss of the last epoch. */
    public double last() {
        return losses[losses.length - 1];
    }

    /** The number of epochs. */
    public int epochs() {
        return losses.length;
    }

    /** The loss of epoch {@code epoch} (0-based). */
    public double loss(int epoch) {
        return losses[epoch];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingHistory that && Arrays.equals(losses, that.losses);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "TrainingHistory[epochs=" + losses.length + ", first=" + first() + ", last=" + last() + "]";
    }
}
