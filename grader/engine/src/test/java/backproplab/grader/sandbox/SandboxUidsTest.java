package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uid lease of {@link SandboxUids} alone, with real lock files: sandboxes that run at the same time get uids of
 * their own (one process cap each), a freed uid is taken again, and a uid another grader process holds is skipped.
 */
@DisplayName("The sandbox's uid lease")
class SandboxUidsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("gives sandboxes that run at the same time a uid each, 65534 first, and gives a freed uid again")
    void sandboxesAtOnceGetAUidEach() {
        SandboxUids uids = new SandboxUids(temp);
        try (SandboxUids.Lease first = uids.lease(); SandboxUids.Lease second = uids.lease()) {
            assertThat(first.uid()).isEqualTo(SandboxUids.NOBODY);
            assertThat(second.uid()).isEqualTo(SandboxUids.NOBODY - 1);
            assertThat(first.exclusive()).isTrue();
            assertThat(second.exclusive()).isTrue();
            first.close();
            try (SandboxUids.Lease third = uids.lease()) {
                assertThat(third.uid()).as("the uid the first sandbox freed").isEqualTo(SandboxUids.NOBODY);
                assertThat(second.exclusive()).isTrue();
                try (SandboxUids.Lease fourth = uids.lease()) {
                    assertThat(fourth.uid()).as("freeing a uid kept the second sandbox's").isEqualTo(SandboxUids.NOBODY - 2);
                }
            }
        }
    }

    @Test
    @DisplayName("shares 65534 when every uid of the range is taken, rather than fail")
    void sharesNobodyWhenFull() {
        SandboxUids uids = new SandboxUids(temp);
        List<SandboxUids.Lease> all = new ArrayList<>();
        try {
            for (int uid = SandboxUids.NOBODY; uid >= SandboxUids.LOWEST; uid--) {
                all.add(uids.lease());
            }
            assertThat(all).extracting(SandboxUids.Lease::uid).doesNotHaveDuplicates()
                    .allMatch(uid -> uid >= SandboxUids.LOWEST && uid <= SandboxUids.NOBODY);
            assertThat(all).allMatch(SandboxUids.Lease::exclusive);
            try (SandboxUids.Lease extra = uids.lease()) {
                assertThat(extra.uid()).isEqualTo(SandboxUids.NOBODY);
                assertThat(extra.exclusive()).isFalse();
            }
        } finally {
            all.forEach(SandboxUids.Lease::close);
        }
    }

    @Test
    @DisplayName("skips a uid that another grader process on the machine holds")
    void skipsAUidOfAnotherProcess() throws IOException, InterruptedException {
        Path holder = temp.resolve("Hold.java");
        Files.writeString(holder, """
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(args[0]),
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                             var lock = channel.lock()) {
                            System.out.println("held");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(temp.resolve("uids"));
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), folder.resolve("uid-" + SandboxUids.NOBODY + ".lock").toString())
                .redirectErrorStream(true).start();
        try {
            String line = new String(other.getInputStream().readNBytes(4), StandardCharsets.UTF_8);
            assertThat(line).as("the other process's output").isEqualTo("held");
            try (SandboxUids.Lease lease = new SandboxUids(folder).lease()) {
                assertThat(lease.uid()).isEqualTo(SandboxUids.NOBODY - 1);
            }
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(10, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
    }
}
