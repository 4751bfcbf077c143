package backproplab.grader.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of files at the end of a zip (its central directory), read byte by byte before anything is unpacked,
 * for what {@link java.util.zip.ZipFile} does not say: whether the zip is whole, whether each name is valid UTF-8,
 * and which entries are Unix symbolic links.
 */
final class ZipDirectory {

    /**
     * One entry of the central directory.
     *
     * @param name    the name decoded as UTF-8, or as code page 437 (the zip standard's old default) if it is not
     *                valid UTF-8
     * @param utf8    whether the name's bytes are valid UTF-8
     * @param symlink whether a Unix zip tool stored the entry as a symbolic link
     */
    record Entry(String name, boolean utf8, boolean symlink) {
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNIX = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;
    private static final Charset CP437 = Charset.forName("IBM437");

    private ZipDirectory() {
    }

    /** Thrown when the zip has no readable central directory: it was cut short, or is not a zip. */
    static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated(String detail) {
            super(detail);
        }
    }

    /**
     * Reads the entries.
     *
     * @param zip        the zip file
     * @param maxEntries the most entries worth reading
     * @return the entries in the directory's order, or {@code null} if there are more than {@code maxEntries}
     * @throws Truncated   if the end of the zip or its directory is missing or inconsistent
     * @throws IOException if the file cannot be read
     */
    static List<Entry> read(Path zip, int maxEntries) throws Truncated, IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int end = -1;
            for (int i = tailLength - END_SIZE; i >= 0; i--) {
                if (tail.getInt(i) == END_SIGNATURE && i + END_SIZE + (tail.getShort(i + 20) & 0xFFFF) == tailLength) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new Truncated("no end-of-zip record");
            }
            long endOffset = size - tailLength + end;
            long count = tail.getShort(end + 10) & 0xFFFF;
            long directorySize = tail.getInt(end + 12) & 0xFFFFFFFFL;
            long directoryOffset = tail.getInt(end + 16) & 0xFFFFFFFFL;
            long directoryEnd = endOffset;
            if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                if (endOffset < 20) {
                    throw new Truncated("no zip64 locator");
                }
                ByteBuffer locator = read(channel, endOffset - 20, 20);
                if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
                    throw new Truncated("no zip64 locator");
                }
                long zip64End = locator.getLong(8);
                if (zip64End < 0 || zip64End + 56 > size) {
                    throw new Truncated("zip64 end record outside the file");
                }
                ByteBuffer record = read(channel, zip64End, 56);
                if (record.getInt(0) != ZIP64_END_SIGNATURE) {
                    throw new Truncated("no zip64 end record");
                }
                count = record.getLong(32);
                directorySize = record.getLong(40);
                directoryOffset = record.getLong(48);
                directoryEnd = zip64End;
            }
            if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > directoryEnd) {
                throw new Truncated("the file list lies outside the file");
            }
            if (count > maxEntries) {
                return null;
            }
            if (directorySize > Integer.MAX_VALUE) {
                throw new Truncated("the file list is too large");
            }
            return entries(read(channel, directoryOffset, (int) directorySize), count);
        }
    }

    private static List<Entry> entries(ByteBuffer directory, long count) throws Truncated {
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        for (long n = 0; n < count; n++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != ENTRY_SIGNATURE) {
                throw new Truncated("entry " + (n + 1) + " of the file list is damaged");
            }
            int madeBy = (directory.getShort(at + 4) & 0xFFFF) >> 8;
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            int commentLength = directory.getShort(at + 32) & 0xFFFF;
            int unixMode = (directory.getInt(at + 38) >>> 16) & 0xFFFF;
            if (at + 46 + nameLength > directory.limit()) {
                throw new Truncated("entry " + (n + 1) + " of the file list is damaged");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            String utf8 = utf8(name);
            boolean symlink = madeBy == UNIX && (unixMode & FILE_TYPE_MASK) == SYMLINK_TYPE;
            entries.add(new Entry(utf8 != null ? utf8 : new String(name, CP437), utf8 != null, symlink));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }
}
