package backproplab.grader.calibration;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.FullBatchTraining;
import backproplab.grader.suites.support.PlainNetwork;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.runtime.Backend;

/** Temporary: hyper-parameter exploration in plain Java (same maths as the reference). */
public final class Explore {
    public static void main(String[] args) {
        Backend.init();
        String what = args[0];
        int[] layers = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double lr = Double.parseDouble(args[2]);
        int[] checkpoints = java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        long from = Long.parseLong(args[4]);
        int count = Integer.parseInt(args[5]);
        double[][] x;
        double[][] y;
        double[][] tx = null;
        double[][] ty = null;
        if (what.equals("xor")) {
            Dataset d = Datasets.xor();
            x = Arrays2D.of(d.features());
            y = Arrays2D.of(d.labels());
        } else {
            long dataSeed = Long.parseLong(args[6]);
            double noise = args.length > 7 ? Double.parseDouble(args[7]) : 0.15;
            Split split = Datasets.trainTestSplit(Datasets.moons(400, noise, dataSeed), 0.2, 42);
            x = Arrays2D.of(split.train().features());
            y = Arrays2D.of(split.train().labels());
            tx = Arrays2D.of(split.test().features());
            ty = Arrays2D.of(split.test().labels());
        }
        for (long s = from; s < from + count; s++) {
            PlainNetwork net = PlainNetwork.of(new NeuralNetwork(s, layers).parameters(), HiddenActivation.RELU);
            StringBuilder line = new StringBuilder("seed " + s + ":");
            int epoch = 0;
            for (int cp : checkpoints) {
                while (epoch < cp) {
                    net = net.minus(net.backward(x, y), lr);
                    epoch++;
                }
                double[] out = net.forward(x).output()[0];
                double loss = FullBatchTraining.loss(y[0], out);
                double acc = FullBatchTraining.accuracy(y[0], out);
                line.append(String.format(java.util.Locale.ROOT, "  @%d loss %.4f acc %.3f", cp, loss, acc));
                if (tx != null) {
                    double[] tout = net.forward(tx).output()[0];
                    line.append(String.format(java.util.Locale.ROOT, " test %.4f", FullBatchTraining.accuracy(ty[0], tout)));
                }
            }
            System.out.println(line);
        }
    }
}
