package net.ringpool.numbers;

/**
 * Where numbers may come from: a whole area code ({@code 805}, nxx {@code null}) or one exchange of
 * it ({@code 805612}), as {@code tn_prefix} and {@code tn_prefix_whitelist} entries are given.
 */
record TnPrefix(String npa, String nxx) {

    /** @param text three or six digits, as the API's validation already ensured */
    static TnPrefix parse(String text) {
        return text.length() == 6 ? new TnPrefix(text.substring(0, 3), text.substring(3)) : new TnPrefix(text, null);
    }

    boolean isExchange() {
        return nxx != null;
    }

    /** Whether a ten-digit number lies inside this prefix. */
    boolean contains(String number) {
        return number.startsWith(npa) && (nxx == null || number.startsWith(nxx, 3));
    }

    boolean covers(TnPrefix other) {
        return npa.equals(other.npa) && (nxx == null || nxx.equals(other.nxx));
    }
}
