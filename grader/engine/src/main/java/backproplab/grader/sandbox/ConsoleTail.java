package backproplab.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one of the child's standard streams (which carry only what bypasses {@code System.out}: JVM
 * messages, native libraries, crash reports), keeping the first and the last few kilobytes.
 */
final class ConsoleTail {

    private static final int KEEP = 4096;

    private final byte[] head = new byte[KEEP];
    private int headLength;
    private final byte[] ring = new byte[KEEP];
    private long total;
    private final Thread thread;

    ConsoleTail(InputStream in, String name) {
        thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                append(buffer, n);
            }
        } catch (IOException ignored) {
            // The child is gone.
        }
    }

    private synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (headLength < KEEP) {
                head[headLength++] = bytes[i];
            } else {
                ring[(int) ((total - KEEP) % KEEP)] = bytes[i];
            }
            total++;
        }
    }

    /** Waits a little for the stream to end, so the text is complete after the child exited. */
    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kept text: head, and if more was written, a gap note and the tail. */
    synchronized String text() {
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (total <= KEEP) {
            return start;
        }
        long tailLength = Math.min(KEEP, total - KEEP);
        byte[] tail = new byte[(int) tailLength];
        long first = total - tailLength;
        for (int i = 0; i < tailLength; i++) {
            tail[i] = ring[(int) ((first + i - KEEP) % KEEP)];
        }
        long skipped = total - KEEP - tailLength;
        return start + (skipped > 0 ? "\n[... " + skipped + " bytes ...]\n" : "") + new String(tail, StandardCharsets.UTF_8);
    }
}
