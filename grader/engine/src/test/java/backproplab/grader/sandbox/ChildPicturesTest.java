package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.protocol.ChildEvent;
import backproplab.scoring.Attachments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test JVM's pictures reach the report folder only through the engine, and only as small regular PNGs. */
@DisplayName("The training pictures of a test JVM")
class ChildPicturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final Path SEEN = Path.of("/run/backproplab/scratch/pictures");

    @TempDir
    Path temp;

    private Path host;
    private Path images;
    private ChildPictures pictures;

    @BeforeEach
    void start() throws IOException {
        host = Files.createDirectories(temp.resolve("scratch/pictures"));
        images = temp.resolve("out/images");
        pictures = new ChildPictures(images);
        pictures.childStarted(SEEN, host);
    }

    @Test
    @DisplayName("an attached PNG of the pictures folder is pointed at the report folder and copied once the JVM is gone")
    void copied() throws IOException {
        Files.write(host.resolve("moons-loss.png"), PNG);

        ChildEvent kept = pictures.translate(image(SEEN.resolve("moons-loss.png").toString()));
        assertThat(kept).isEqualTo(new ChildEvent.ReportEntry("t1", Attachments.IMAGE_KEY, images.resolve("moons-loss.png").toString()));
        assertThat(images.resolve("moons-loss.png")).as("nothing is copied while the JVM runs").doesNotExist();

        pictures.childEnded();
        assertThat(images.resolve("moons-loss.png")).hasBinaryContent(PNG);
    }

    @Test
    @DisplayName("attachments of files elsewhere, or not named .png, are dropped; other events pass unchanged")
    void dropped() {
        assertThat(pictures.translate(image("/etc/passwd"))).isNull();
        assertThat(pictures.translate(image(SEEN.resolve("../../../etc/x.png").toString()))).isNull();
        assertThat(pictures.translate(image(SEEN.resolve("sub/x.png").toString()))).isNull();
        assertThat(pictures.translate(image(SEEN.resolve("notes.txt").toString()))).isNull();
        ChildEvent other = new ChildEvent.ReportEntry("t1", "backproplab.partial", "0.5");
        assertThat(pictures.translate(other)).isSameAs(other);
        assertThat(new ChildPictures(null).translate(image(SEEN.resolve("a.png").toString()))).as("pictures off").isNull();
    }

    @Test
    @DisplayName("a link, a file that is no PNG or a huge one is not copied, and an older copy of that name is removed")
    void refused() throws IOException {
        Path secret = Files.write(temp.resolve("secret.png"), PNG);
        Files.createSymbolicLink(host.resolve("link.png"), secret);
        Files.writeString(host.resolve("text.png"), "not a picture");
        byte[] huge = new byte[(int) ChildPictures.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        Files.write(host.resolve("huge.png"), huge);
        Files.createDirectories(images);
        Files.write(images.resolve("text.png"), PNG);
        for (String name : new String[] {"link.png", "text.png", "huge.png", "gone.png"}) {
            assertThat(pictures.translate(image(SEEN.resolve(name).toString()))).isNotNull();
        }

        pictures.childEnded();

        assertThat(images.resolve("link.png")).doesNotExist();
        assertThat(images.resolve("text.png")).as("the stale copy of an earlier grade").doesNotExist();
        assertThat(images.resolve("huge.png")).doesNotExist();
        assertThat(images.resolve("gone.png")).doesNotExist();
    }

    private static ChildEvent image(String path) {
        return new ChildEvent.ReportEntry("t1", Attachments.IMAGE_KEY, path);
    }
}
