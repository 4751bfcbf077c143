package backproplab.network;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.activations.Activations;
import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.network.NetworkTrainer.TrainingHistory;
import backproplab.runtime.Backend;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

@Graded(points = 1, task = "network")
@DisplayName("Exercise 6: training the NeuralNetwork on XOR and moons (docs/06-neural-network.md#training)")
class NetworkTrainerTest {

    private static final String DOC = "docs/06-neural-network.md";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    @Test
    @DisplayName("a 2-8-1 network (seed 7, α = 0.5) learns 2-D XOR in 1000 full-batch epochs")
    void learnsXor() {
        Dataset xor = Datasets.xor();
        INDArray x = xor.features();
        INDArray y = xor.labels();
        NeuralNetwork net = new NeuralNetwork(7, 2, 8, 1);
        TrainingHistory history = NetworkTrainer.train(net, x, y, 0.5, 1000);
        INDArray predictions = net.forward(x);
        double loss = Activations.binaryCrossEntropy(y, predictions);
        assertThat(history.losses()).as("one loss per epoch").hasSize(1000);
        assertThat(history.losses()[999]).as("XOR loss should fall: first epoch %.4f, last %.4f", history.losses()[0], history.losses()[999])
                .isLessThan(history.losses()[0]);
        assertThat(NetworkTrainer.accuracy(predictions, y))
                .as("XOR after 1000 epochs: predictions %s for targets [0, 1, 1, 0], loss %.4f. All four should be on the right"
                        + " side of 0.5. If the loss hardly moved, check backward's signs and update (%s#training)",
                        Arrays.toString(predictions.toDoubleVector()), loss, DOC)
                .isEqualTo(1.0);
        assertThat(loss).as("XOR binary cross-entropy after 1000 epochs").isLessThan(0.1);
    }

    @Test
    @DisplayName("a 2-8-8-1 network (seed 7, α = 0.5) reaches at least 95 % test accuracy on moons after 300 epochs")
    void learnsMoons() {
        Split split = Datasets.trainTestSplit(Datasets.moons(400, 0.15, 42), 0.2, 42);
        NeuralNetwork net = new NeuralNetwork(7, 2, 8, 8, 1);
        TrainingHistory history = NetworkTrainer.train(net, split.train().features(), split.train().labels(), 0.5, 300);
        double testAccuracy = NetworkTrainer.accuracy(net, split.test().features(), split.test().labels());
        assertThat(history.finalAccuracy()).as("moons training accuracy after 300 epochs: %.4f", history.finalAccuracy())
                .isGreaterThan(0.95);
        assertThat(testAccuracy).as("moons test accuracy (80 held-out samples) after 300 epochs: expected ≥ 0.95, got %.4f;"
                + " final training loss %.4f (%s#training)", testAccuracy, history.finalLoss(), DOC)
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @DisplayName("records the loss and accuracy of the parameters before each update")
    void historyIsBeforeUpdate() {
        NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
        double initialLoss = PlantedNetwork.plainLoss(PlantedNetwork.plainParameters(), PlantedNetwork.X,
                PlantedNetwork.Y[0], HiddenActivation.RELU);
        TrainingHistory history = NetworkTrainer.train(net, PlantedNetwork.x(), PlantedNetwork.y(), 0.1, 3);
        assertThat(history.losses()[0]).as("the first recorded loss is that of the planted, untrained network")
                .isCloseTo(initialLoss, within(1e-12));
        assertThat(history.accuracies()).as("one accuracy per epoch").hasSize(3);
        for (double accuracy : history.accuracies()) {
            assertThat(accuracy).as("an accuracy is a share of samples").isBetween(0.0, 1.0);
        }
    }
}
