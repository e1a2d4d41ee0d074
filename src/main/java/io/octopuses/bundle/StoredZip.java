package io.octopuses.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The ZIP records of a bundle (PKWARE APPNOTE 6.3), written by hand: STORED (uncompressed) entries only, and every
 * size and offset in a Zip64 extra field. So a local header has the same length whatever its entry's size: it is
 * written before the content (whose size a download may not announce) and filled in after it, and an archive can be
 * continued after its last entry. That is what lets the export write packages straight into a staged archive and
 * the seal append the rest in place ({@link StagedArchive}) instead of copying gigabytes. Any ZIP reader with Zip64
 * support reads the result (java.util.zip, Commons Compress, Info-ZIP, Python).
 *
 * <p>Times are the entry's instant in UTC, to the two seconds MS-DOS times have.
 */
final class StoredZip {

    /** An entry as written: where its local header starts, and what the central directory repeats of it. */
    record Entry(String name, long offset, long crc, long size, int dosTime, int dosDate) {
        long dataOffset() {
            return offset + headerLength(name);
        }

        long end() {
            return dataOffset() + size;
        }
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END = 0x06054b50;
    private static final short ZIP64_VERSION = 45;
    private static final short UTF8_NAMES = 0x0800;
    private static final short ZIP64_EXTRA = 0x0001;
    private static final int MAGIC = 0xFFFFFFFF;
    private static final int MAX_NAME = 0xFFFF;

    private StoredZip() {
    }

    static int headerLength(String name) {
        return 30 + bytes(name).length + 20;
    }

    /**
     * Appends an entry at {@code position}: a header, then the content (each piece also given to {@code alongside},
     * e.g. a SHA-256, each on its own thread: {@link FanOutCopy}), then the header again with the CRC-32 and size.
     */
    static Entry append(FileChannel channel, long position, String name, Instant time, InputStream content,
                        List<FanOutCopy.Sink> alongside) throws IOException {
        int dosTime = dosTime(time);
        int dosDate = dosDate(time);
        writeFully(channel, localHeader(name, 0, 0, dosTime, dosDate), position);
        CRC32 crc = new CRC32();
        long start = position + headerLength(name);
        long[] at = {start};
        List<FanOutCopy.Sink> sinks = new ArrayList<>(alongside);
        sinks.add(crc::update);
        sinks.add((buffer, offset, length) -> {
            writeFully(channel, ByteBuffer.wrap(buffer, offset, length), at[0]);
            at[0] += length;
        });
        long size = FanOutCopy.copy(content, sinks);
        writeFully(channel, localHeader(name, crc.getValue(), size, dosTime, dosDate), position);
        return new Entry(name, position, crc.getValue(), size, dosTime, dosDate);
    }

    /** Appends small content held in memory (a manifest, a signature, a JSON document). */
    static Entry append(FileChannel channel, long position, String name, Instant time, byte[] content)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        Entry entry = new Entry(name, position, crc.getValue(), content.length, dosTime(time), dosDate(time));
        writeFully(channel, localHeader(name, entry.crc(), entry.size(), entry.dosTime(), entry.dosDate()), position);
        writeFully(channel, ByteBuffer.wrap(content), entry.dataOffset());
        return entry;
    }

    /** Writes the central directory of {@code entries} at {@code position}, and the end records; the archive's length. */
    static long finish(FileChannel channel, long position, List<Entry> entries) throws IOException {
        long at = position;
        for (Entry entry : entries) {
            ByteBuffer header = centralHeader(entry);
            writeFully(channel, header, at);
            at += header.capacity();
        }
        long directorySize = at - position;
        ByteBuffer end = ByteBuffer.allocate(56 + 20 + 22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(ZIP64_END).putLong(44).putShort(ZIP64_VERSION).putShort(ZIP64_VERSION).putInt(0).putInt(0)
                .putLong(entries.size()).putLong(entries.size()).putLong(directorySize).putLong(position);
        end.putInt(ZIP64_LOCATOR).putInt(0).putLong(at).putInt(1);
        short count = (short) Math.min(entries.size(), 0xFFFF);
        end.putInt(END).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count)
                .putInt((int) Math.min(directorySize, 0xFFFFFFFFL)).putInt(MAGIC).putShort((short) 0);
        writeFully(channel, end.flip(), at);
        long length = at + end.capacity();
        channel.truncate(length);
        return length;
    }

    /**
     * Reads the local headers of the first {@code count} entries written by {@link #append} from the start of an
     * archive that is not finished yet.
     *
     * @throws IOException when the file does not start with {@code count} such entries
     */
    static List<Entry> scan(FileChannel channel, int count) throws IOException {
        List<Entry> entries = new ArrayList<>(count);
        long position = 0;
        for (int i = 0; i < count; i++) {
            Entry entry = entryAt(channel, position);
            entries.add(entry);
            position = entry.end();
        }
        return entries;
    }

    /** Every entry of an archive that is not finished yet: entries written by {@link #append} up to its end. */
    static List<Entry> scanAll(FileChannel channel) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (long position = 0; position < channel.size(); ) {
            Entry entry = entryAt(channel, position);
            entries.add(entry);
            position = entry.end();
        }
        return entries;
    }

    private static Entry entryAt(FileChannel channel, long position) throws IOException {
        ByteBuffer fixed = readFully(channel, position, 30);
        if (fixed.getInt(0) != LOCAL_HEADER || fixed.getShort(8) != 0) {
            throw new IOException("No stored entry at offset " + position);
        }
        int nameLength = fixed.getShort(26) & 0xFFFF;
        int extraLength = fixed.getShort(28) & 0xFFFF;
        ByteBuffer rest = readFully(channel, position + 30, nameLength + extraLength);
        byte[] nameBytes = new byte[nameLength];
        rest.get(nameBytes);
        if (extraLength != 20 || rest.getShort() != ZIP64_EXTRA || rest.getShort() != 16) {
            throw new IOException("The entry at offset " + position + " was not written by this writer");
        }
        long size = rest.getLong();
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        Entry entry = new Entry(name, position, fixed.getInt(14) & 0xFFFFFFFFL, size,
                fixed.getShort(10) & 0xFFFF, fixed.getShort(12) & 0xFFFF);
        if (size < 0 || entry.end() > channel.size()) {
            throw new IOException("The entry " + name + " ends beyond the file");
        }
        return entry;
    }

    /** The content of an entry, streamed from the file (the stream owns a channel of its own). */
    static InputStream content(java.nio.file.Path archive, Entry entry) throws IOException {
        FileChannel channel = FileChannel.open(archive);
        channel.position(entry.dataOffset());
        return new InputStream() {
            private long left = entry.size();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)));
                if (n < 0) {
                    throw new EOFException("The archive ends inside " + entry.name());
                }
                left -= n;
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private static ByteBuffer localHeader(String name, long crc, long size, int dosTime, int dosDate) {
        byte[] nameBytes = bytes(name);
        ByteBuffer header = ByteBuffer.allocate(headerLength(name)).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(LOCAL_HEADER).putShort(ZIP64_VERSION).putShort(UTF8_NAMES).putShort((short) 0)
                .putShort((short) dosTime).putShort((short) dosDate).putInt((int) crc).putInt(MAGIC).putInt(MAGIC)
                .putShort((short) nameBytes.length).putShort((short) 20).put(nameBytes)
                .putShort(ZIP64_EXTRA).putShort((short) 16).putLong(size).putLong(size);
        return header.flip();
    }

    private static ByteBuffer centralHeader(Entry entry) {
        byte[] nameBytes = bytes(entry.name());
        ByteBuffer header = ByteBuffer.allocate(46 + nameBytes.length + 28).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(CENTRAL_HEADER).putShort(ZIP64_VERSION).putShort(ZIP64_VERSION).putShort(UTF8_NAMES)
                .putShort((short) 0).putShort((short) entry.dosTime()).putShort((short) entry.dosDate())
                .putInt((int) entry.crc()).putInt(MAGIC).putInt(MAGIC).putShort((short) nameBytes.length)
                .putShort((short) 28).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(MAGIC).put(nameBytes)
                .putShort(ZIP64_EXTRA).putShort((short) 24).putLong(entry.size()).putLong(entry.size())
                .putLong(entry.offset());
        return header.flip();
    }

    private static byte[] bytes(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_NAME) {
            throw new IllegalArgumentException("An entry name is at most " + MAX_NAME + " bytes");
        }
        return bytes;
    }

    private static int dosTime(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() >> 1);
    }

    private static int dosDate(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        int year = Math.max(1980, Math.min(2107, t.getYear()));
        return ((year - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("The archive ends at offset " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
