package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.suites.support.TrainingPictures;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caption of a training picture, written into the PNG by the suites and read back by the reports. */
class PictureCaptionTest {

    @Test
    @DisplayName("a caption the suites write into a PNG is the caption the reports read, non-ASCII text included")
    void roundTrip(@TempDir Path temp) throws Exception {
        Path png = temp.resolve("moons-loss.png");
        String caption = "The loss jumps to 0.9 at epoch 20 — a large step, not a bug (learning rate 1.0, ŷ ≤ 0.5).";
        TrainingPictures.savePng(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), png, caption);
        assertThat(PngImages.dataUrl(png)).as("still a PNG the reports embed").isPresent();
        assertThat(PngImages.caption(png)).contains(caption);
        assertThat(PngImages.CAPTION_KEYWORD).isEqualTo(TrainingPictures.CAPTION_KEYWORD);
    }

    @Test
    @DisplayName("a PNG without a caption, and a file that is no PNG, have none")
    void noCaption() {
        assertThat(PngImages.caption(SampleReports.LOSS_CURVE)).isEmpty();
        assertThat(PngImages.caption(new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    @DisplayName("the loss caption explains an early jump of the loss as the step size, and says where the loss ends")
    void lossCaption() {
        double[] smooth = {0.69, 0.5, 0.3, 0.1, 0.05};
        assertThat(TrainingPictures.lossCaption(smooth, 0.5))
                .isEqualTo("The loss starts at 0.690 and ends at 0.0500 after 5 epochs of full-batch gradient descent at "
                        + "learning rate 0.5.");
        double[] jump = {0.69, 0.45, 0.30, 0.90, 0.40, 0.10, 0.03};
        assertThat(TrainingPictures.lossCaption(jump, 1.0))
                .startsWith("The loss starts at 0.690 and ends at 0.0300 after 7 epochs")
                .contains("The jump on the way (from 0.300 up to 0.900 at epoch 4) is the size of the steps, not a bug "
                        + "by itself: at learning rate 1.0")
                .contains("ends low");
    }
}
