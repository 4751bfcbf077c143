package backproplab.demos;

import backproplab.datasets.Dataset;
import backproplab.network.NeuralNetwork;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the decision boundary of a 2-input network: every pixel of the plot coloured by the predicted probability
 * of class 1 (blue for 0, red for 1, white at 0.5), the 0.5 contour as a black line, and the data points on top
 * (training points as circles, test points as squares). XChart has no contour plot, so this draws its own image.
 */
final class DecisionBoundaryPicture {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 650;
    private static final int LEFT = 80;
    private static final int RIGHT = 130;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final Color CLASS_0 = new Color(33, 102, 172);
    private static final Color CLASS_1 = new Color(178, 24, 43);
    private static final Color LIGHT_0 = new Color(146, 197, 222);
    private static final Color LIGHT_1 = new Color(244, 165, 130);

    private DecisionBoundaryPicture() {
    }

    /** The picture of {@code net}'s boundary over the range of the data plus a margin of 0.5. */
    static BufferedImage draw(NeuralNetwork net, Dataset train, Dataset test, String title) {
        double[] range = range(train, test);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double[][] probability = probabilities(net, range, plotWidth, plotHeight);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        for (int py = 0; py < plotHeight; py++) {
            for (int px = 0; px < plotWidth; px++) {
                image.setRGB(LEFT + px, TOP + py, shade(probability[py][px]).getRGB());
            }
        }
        drawContour(image, probability);
        Frame frame = new Frame(range, plotWidth, plotHeight);
        drawPoints(g, frame, train, false);
        drawPoints(g, frame, test, true);
        drawAxes(g, frame, title);
        drawColourBar(g, plotHeight);
        drawLegend(g);
        g.dispose();
        return image;
    }

    /** Data range [xMin, xMax, yMin, yMax] of both sets, widened by 0.5 on every side. */
    private static double[] range(Dataset train, Dataset test) {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Dataset set : new Dataset[] {train, test}) {
            for (double[] p : set.samples()) {
                r[0] = Math.min(r[0], p[0]);
                r[1] = Math.max(r[1], p[0]);
                r[2] = Math.min(r[2], p[1]);
                r[3] = Math.max(r[3], p[1]);
            }
        }
        return new double[] {r[0] - 0.5, r[1] + 0.5, r[2] - 0.5, r[3] + 0.5};
    }

    /** P(class 1) at the centre of every pixel, in one batched forward pass; row 0 is the top of the plot. */
    private static double[][] probabilities(NeuralNetwork net, double[] range, int w, int h) {
        double[][] points = new double[2][w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                points[0][py * w + px] = range[0] + (px + 0.5) / w * (range[1] - range[0]);
                points[1][py * w + px] = range[3] - (py + 0.5) / h * (range[3] - range[2]);
            }
        }
        INDArray out = net.forward(Nd4j.createFromArray(points));
        double[] flat = out.reshape(out.length()).toDoubleVector();
        double[][] probability = new double[h][w];
        for (int py = 0; py < h; py++) {
            System.arraycopy(flat, py * w, probability[py], 0, w);
        }
        return probability;
    }

    /** Light blue at 0, white at 0.5, light red at 1. */
    private static Color shade(double p) {
        double t = Math.abs(p - 0.5) * 2;
        Color end = p < 0.5 ? LIGHT_0 : LIGHT_1;
        return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** Black pixels where the predicted class changes between neighbours: the 0.5 contour. */
    private static void drawContour(BufferedImage image, double[][] p) {
        int black = Color.BLACK.getRGB();
        for (int py = 0; py < p.length - 1; py++) {
            for (int px = 0; px < p[0].length - 1; px++) {
                boolean here = p[py][px] > 0.5;
                if (here != (p[py][px + 1] > 0.5) || here != (p[py + 1][px] > 0.5)) {
                    image.setRGB(LEFT + px, TOP + py, black);
                    image.setRGB(LEFT + px + 1, TOP + py, black);
                }
            }
        }
    }

    private static void drawPoints(Graphics2D g, Frame frame, Dataset set, boolean test) {
        for (int i = 0; i < set.size(); i++) {
            double[] p = set.x(i);
            double x = frame.px(p[0]);
            double y = frame.py(p[1]);
            Color fill = set.label(i) == 1 ? CLASS_1 : CLASS_0;
            java.awt.Shape marker = test ? new Rectangle2D.Double(x - 4.5, y - 4.5, 9, 9) : new Ellipse2D.Double(x - 4, y - 4, 8, 8);
            g.setColor(fill);
            g.fill(marker);
            g.setColor(test ? Color.BLACK : Color.WHITE);
            g.setStroke(new BasicStroke(test ? 1.5f : 1f));
            g.draw(marker);
        }
    }

    private static void drawAxes(Graphics2D g, Frame frame, String title) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, frame.width, frame.height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (double v = Math.ceil(frame.range[0] * 2) / 2; v <= frame.range[1]; v += 0.5) {
            int x = (int) Math.round(frame.px(v));
            g.drawLine(x, TOP + frame.height, x, TOP + frame.height + 5);
            String label = String.format(Locale.ROOT, "%.1f", v);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + frame.height + 20);
        }
        for (double v = Math.ceil(frame.range[2] * 2) / 2; v <= frame.range[3]; v += 0.5) {
            int y = (int) Math.round(frame.py(v));
            g.drawLine(LEFT - 5, y, LEFT, y);
            String label = String.format(Locale.ROOT, "%.1f", v);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        fm = g.getFontMetrics();
        g.drawString("x1", LEFT + frame.width / 2 - fm.stringWidth("x1") / 2, HEIGHT - 22);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("x2", -(TOP + frame.height / 2) - fm.stringWidth("x2") / 2, 28);
        rotated.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        fm = g.getFontMetrics();
        g.drawString(title, WIDTH / 2 - fm.stringWidth(title) / 2, 35);
    }

    private static void drawColourBar(Graphics2D g, int plotHeight) {
        int x = WIDTH - RIGHT + 30;
        int width = 18;
        for (int y = 0; y < plotHeight; y++) {
            g.setColor(shade(1.0 - (y + 0.5) / plotHeight));
            g.drawLine(x, TOP + y, x + width, TOP + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, TOP, width, plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double v = 0; v <= 1.0001; v += 0.25) {
            int y = TOP + (int) Math.round((1 - v) * plotHeight);
            g.drawLine(x + width, y, x + width + 4, y);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), x + width + 7, y + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(Math.PI / 2);
        rotated.drawString("P(class 1)", TOP + plotHeight / 2 - 30, -(x + width + 48));
        rotated.dispose();
    }

    private static void drawLegend(Graphics2D g) {
        int x = LEFT + 12;
        int y = TOP + 12;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, 190, 92);
        g.setColor(Color.GRAY);
        g.drawRect(x, y, 190, 92);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Object[][] rows = {{"class 0, training", CLASS_0, false}, {"class 1, training", CLASS_1, false},
            {"class 0, test", CLASS_0, true}, {"class 1, test", CLASS_1, true}};
        for (int i = 0; i < rows.length; i++) {
            int cy = y + 16 + i * 18;
            boolean test = (Boolean) rows[i][2];
            java.awt.Shape marker = test ? new Rectangle2D.Double(x + 10, cy - 5, 9, 9) : new Ellipse2D.Double(x + 10, cy - 4, 8, 8);
            g.setColor((Color) rows[i][1]);
            g.fill(marker);
            g.setColor(test ? Color.BLACK : Color.WHITE);
            g.draw(marker);
            g.setColor(Color.BLACK);
            g.drawString((String) rows[i][0], x + 28, cy + 4);
        }
        g.drawLine(x + 8, y + 84, x + 22, y + 84);
        g.drawString("boundary P = 0.5", x + 28, y + 88);
    }

    /** Maps data coordinates to pixels of the plot area. */
    private record Frame(double[] range, int width, int height) {
        double px(double x) {
            return LEFT + (x - range[0]) / (range[1] - range[0]) * width;
        }

        double py(double y) {
            return TOP + (range[3] - y) / (range[3] - range[2]) * height;
        }
    }
}
