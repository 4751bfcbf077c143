package backproplab.grader.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes the place of {@code System.out} and {@code System.err} in the child JVM: what student code prints
 * is kept, up to a cap, until the running test ends, then handed over with that test's result. Bytes past
 * the cap are only counted, so even a flood of output costs little and never reaches the event stream.
 */
final class OutputCapture extends OutputStream {

    private final int capBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    OutputCapture(int capBytes) {
        this.capBytes = capBytes;
    }

    /** Routes {@code System.out} and {@code System.err} here. */
    void install() {
        PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < capBytes) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, Math.min(length, capBytes - kept.size()));
        kept.write(bytes, offset, room);
        dropped += length - room;
    }

    /**
     * What was printed since the last call, with a note when some was dropped; empties the buffer.
     *
     * @return the text, or {@code ""} if nothing was printed
     */
    synchronized String drain() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += (text.endsWith("\n") ? "" : "\n") + "[output truncated after " + capBytes + " bytes; "
                    + dropped + " more bytes were not kept]";
        }
        kept.reset();
        dropped = 0;
        return text;
    }
}
