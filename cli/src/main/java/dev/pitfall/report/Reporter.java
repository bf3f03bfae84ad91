package dev.pitfall.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a finished run in one output format. */
public interface Reporter {
    void write(RunReport report, OutputStream out) throws IOException;
}
