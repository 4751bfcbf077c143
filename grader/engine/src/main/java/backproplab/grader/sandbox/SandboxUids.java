package backproplab.grader.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Host uids for the sandboxes of a grader that runs as root: one per sandbox, from a range far above the machine's
 * accounts and above the ranges container tools hand out ({@code /etc/subuid} starts at 100000 and gives 65536 each).
 * A uid owns nothing on the machine, so the test JVM reads only what everyone may read; and since the kernel counts
 * processes and threads per uid over the whole machine, the process cap of one sandbox is its own: a submission
 * that starts threads until it hits the cap cannot make a test JVM of another submission (another job of a batch,
 * another grader on the machine) fail to start a thread.
 *
 * <p>A grader process hands out {@value #PER_GRADER} uids in turn, from a block chosen by its process id, so the
 * sandboxes of one grader (a batch runs several at once) never share a uid, and those of two graders only when
 * their process ids are {@value #BLOCKS} apart and both have run that many sandboxes.
 */
final class SandboxUids {

    /** The first uid of the range. */
    static final int FIRST = 2_000_000_000;
    /** Uids a grader process takes in turn. */
    static final int PER_GRADER = 64;
    /** Blocks of {@link #PER_GRADER} uids in the range. */
    static final int BLOCKS = 1_000_000;

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int BLOCK = (int) (ProcessHandle.current().pid() % BLOCKS);

    private SandboxUids() {
    }

    /** The uid for the next sandbox. */
    static int next() {
        return FIRST + BLOCK * PER_GRADER + Math.floorMod(NEXT.getAndIncrement(), PER_GRADER);
    }
}
