package net.ringpool.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises from a file's first bytes what no CSV parsing can rescue: UTF-16 or UTF-32 text (what Excel
 * saves as "Unicode Text"), and the binary files people save under a .csv name by mistake. Read as UTF-8,
 * such a file would only be reported as a header lacking every required column.
 */
final class FileSignature {

    private static final int SAMPLE_BYTES = 4096;
    private static final String SAVE_AS = "; save it as CSV UTF-8";

    private record Magic(byte[] bytes, String kind) {
        Magic(String kind, int... bytes) {
            this(toBytes(bytes), kind);
        }
    }

    private static final Magic[] BINARY = {
            new Magic("a PNG image", 0x89, 'P', 'N', 'G'),
            new Magic("a JPEG image", 0xFF, 0xD8, 0xFF),
            new Magic("a GIF image", 'G', 'I', 'F', '8'),
            new Magic("a PDF document", '%', 'P', 'D', 'F'),
            new Magic("a ZIP archive (an Excel .xlsx workbook?)", 'P', 'K', 3, 4),
            new Magic("a ZIP archive (an Excel .xlsx workbook?)", 'P', 'K', 5, 6),
            new Magic("an Excel 97-2003 workbook (.xls)", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
            new Magic("a gzip archive", 0x1F, 0x8B)};

    private FileSignature() {
    }

    /** What the file is when it cannot be UTF-8 CSV text, as the rest of a sentence; null when it may be. */
    static String problem(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        if (startsWith(head, 0x00, 0x00, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE, 0x00, 0x00)) {
            return "is UTF-32 text, not UTF-8" + SAVE_AS;
        }
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE) || looksLikeUtf16(head)) {
            return "is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8" + SAVE_AS;
        }
        for (Magic magic : BINARY) {
            if (startsWith(head, magic.bytes())) {
                return "is " + magic.kind() + ", not CSV text" + SAVE_AS;
            }
        }
        for (byte b : head) {
            if (b == '\n' || b == '\r') {
                break;
            }
            if (b == 0) {
                return "holds binary data (NUL bytes in the header row), not CSV text" + SAVE_AS;
            }
        }
        return null;
    }

    /** UTF-16 without a byte-order mark: text of the ASCII range has a NUL in every other byte. */
    private static boolean looksLikeUtf16(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return false;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenNuls += head[i] == 0 ? 1 : 0;
            oddNuls += head[i + 1] == 0 ? 1 : 0;
        }
        int most = Math.max(evenNuls, oddNuls);
        int least = Math.min(evenNuls, oddNuls);
        return most * 10 >= pairs * 7 && least * 10 <= pairs;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        return startsWith(head, toBytes(prefix));
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
