package net.ringpool.importing;

/**
 * Text from an input file made safe to print in a one-line message: line breaks, terminal escape
 * sequences and other control or format characters (a right-to-left override, say) are shown as escapes,
 * so a hostile header can neither break the line nor repaint the terminal.
 */
final class VisibleText {

    private VisibleText() {
    }

    static String of(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> visible.append("\\n");
                case '\r' -> visible.append("\\r");
                case '\t' -> visible.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT
                            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                        visible.append(String.format("\\u%04X", c));
                    } else {
                        visible.appendCodePoint(c);
                    }
                }
            }
        });
        return visible.toString();
    }
}
