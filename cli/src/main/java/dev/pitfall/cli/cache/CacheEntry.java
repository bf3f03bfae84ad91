package dev.pitfall.cli.cache;

import dev.pitfall.report.FileReport;

/**
 * What the cache knows about one file: the stamp it had when analysed (size and modification time
 * in nanoseconds; {@link #UNTRUSTED_STAMP} when the time was too recent to trust, see
 * {@link ResultCache}), the hash of its bytes, the day it was last part of a run, and its report.
 */
record CacheEntry(String displayPath, long size, long modifiedNanos, byte[] contentHash, int lastSeenDay,
        FileReport report) {
    static final long UNTRUSTED_STAMP = Long.MIN_VALUE;

    CacheEntry seenOn(int day) {
        return new CacheEntry(displayPath, size, modifiedNanos, contentHash, day, report);
    }

    CacheEntry withStamp(long newSize, long newModifiedNanos, int day) {
        return new CacheEntry(displayPath, newSize, newModifiedNanos, contentHash, day, report);
    }
}
