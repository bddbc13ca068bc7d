package net.ringpool.exporting;

import java.util.Comparator;

/**
 * The stable order of ids in an export, independent of locale and of the order the API lists them in:
 * ids of digits only come first, by numeric value (so 2 before 10), every other id after them by code
 * point.
 */
final class ExportOrder {

    static final Comparator<String> IDS = ExportOrder::compareIds;

    private ExportOrder() {
    }

    private static int compareIds(String left, String right) {
        String a = left == null ? "" : left;
        String b = right == null ? "" : right;
        boolean aNumeric = isDigits(a);
        boolean bNumeric = isDigits(b);
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        if (aNumeric) {
            String aValue = withoutLeadingZeros(a);
            String bValue = withoutLeadingZeros(b);
            int byValue = aValue.length() != bValue.length() ? Integer.compare(aValue.length(), bValue.length())
                    : aValue.compareTo(bValue);
            if (byValue != 0) {
                return byValue;
            }
        }
        return byCodePoint(a, b);
    }

    private static boolean isDigits(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    /** String.compareTo orders UTF-16 units, which puts some emoji before other letters; code points do not. */
    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
