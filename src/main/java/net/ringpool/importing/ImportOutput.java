package net.ringpool.importing;

import java.io.PrintWriter;

/**
 * Where an import talks to its user.
 *
 * @param err notices and, on a terminal, the progress line
 * @param terminal whether err is a terminal (progress is redrawn in place; otherwise it is logged)
 */
public record ImportOutput(PrintWriter err, boolean terminal) {
}
