package dev.pitfall.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a finished run in one output format. */
public interface Reporter {
    void write(RunReport report, OutputStream out) throws IOException;

    /**
     * Whether the output shows the findings' fingerprints; a run whose output shows none (and
     * that keeps no result cache) does not compute them (see {@link FileReport#of}).
     */
    boolean showsFingerprints();
}
