package dev.pitfall.cli.cache;

import dev.pitfall.config.Settings;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.report.FileReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The result cache: the report of every file already analysed under the same run key (pitfall
 * build and effective configuration), so that unchanged files are not analysed again.
 *
 * <p>One pack file per run key holds every entry; it is read whole when the run starts and, if
 * anything changed, written whole under a temporary name and renamed over the old one when the run
 * ends, so readers never see half a pack and a crash leaves the previous pack intact. Two runs
 * saving at once lose each other's new entries, never the pack. A pack per run key, rather than
 * entries keyed by configuration, keeps switching between two configurations (say, a pre-commit
 * hook with a narrower selection and a full run) from evicting each other's entries.
 *
 * <p>A file is unchanged when its size and modification time match the entry (no read at all),
 * or else when the hash of its bytes does (a checkout that only touched it). A modification time
 * less than {@link #RACY_MARGIN} before the run is not trusted: the file could still change within
 * the file system's timestamp granularity without its stamp changing, so such an entry is checked
 * by hash next time.
 *
 * <p>A report depends only on the bytes of its own file, never on other files (rules see one
 * module; notebooks are one module of their joined cells), which is why an entry is keyed by its
 * file alone. Reports with internal errors are not stored: those are bugs to surface every run.
 *
 * <p>The cache never fails a run: an unreadable or damaged pack is treated as empty and an
 * unwritable directory means results are not saved, each with at most one warning per run.
 */
public final class ResultCache {
    /** The default directory's name; discovery excludes it by default. */
    public static final String DIRECTORY_NAME = ".pitfall_cache";
    static final Duration RACY_MARGIN = Duration.ofSeconds(2);
    /** Entries and packs not used for this long are dropped when a pack is written. */
    static final int KEEP_DAYS = 30;
    private static final String PACK_PREFIX = "results-";
    private static final String PACK_SUFFIX = ".bin";
    private static final int HASH_BYTES = 16;

    private final Path directory;
    private final Path pack;
    private final String runKey;
    private final Map<String, CacheEntry> entries;
    private final int today;
    private final long trustedBeforeNanos;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Consumer<String> warnings;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private ResultCache(Path directory, String runKey, Consumer<String> warnings, Instant now) {
        this.directory = directory;
        this.runKey = runKey;
        this.warnings = warnings;
        this.pack = directory.resolve(PACK_PREFIX + HexFormat.of().toHexDigits(fnv1a(runKey)) + PACK_SUFFIX);
        this.today = (int) LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        this.trustedBeforeNanos = toNanos(FileTime.from(now.minus(RACY_MARGIN)));
        this.entries = new ConcurrentHashMap<>(load());
    }

    /**
     * The cache in {@code directory} for runs with this key; {@code warnings} hears, at most once,
     * why the cache could not be used.
     */
    public static ResultCache open(Path directory, String runKey, Consumer<String> warnings) {
        return new ResultCache(directory, runKey, warnings, Instant.now());
    }

    /** As {@link #open}, at a chosen time: for tests of stamps and expiry. */
    static ResultCache openAt(Path directory, String runKey, Consumer<String> warnings, Instant now) {
        return new ResultCache(directory, runKey, warnings, now);
    }

    /**
     * What identifies the results of a run besides the files: the pitfall build, the rules enabled
     * with their severities, the directory patterns are relative to, and the configuration file's
     * text (which covers per-file-ignores and any setting added later). The text is kept whole
     * rather than hashed: it is small, and the pack stores and compares the whole key anyway.
     */
    public static String runKey(String buildIdentity, Settings settings, Path configFile) {
        StringBuilder key = new StringBuilder("build ").append(buildIdentity).append("\nroot ").append(settings.root())
                .append("\nrules");
        for (String code : settings.enabledCodes()) {
            key.append(' ').append(code).append('=').append(settings.severity(code));
        }
        key.append("\nconfig ");
        if (configFile == null) {
            key.append("none");
        } else {
            key.append(configFile.toAbsolutePath().normalize()).append('\n');
            try {
                key.append(new String(Files.readAllBytes(configFile), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // Settings were read from it a moment ago; if it is gone now, no earlier pack matches.
                key.append("unreadable");
            }
        }
        return key.toString();
    }

    public Path directory() {
        return directory;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /**
     * Looks {@code file} up. A hit carries the stored report; a miss carries the file's bytes, read
     * once for both the hash and the analysis; neither means the file could not be read, and the
     * caller reads it the usual way to report why.
     */
    public Lookup lookup(Path file, String displayPath) {
        String key = file.toAbsolutePath().normalize().toString();
        CacheEntry entry = entries.get(key);
        if (entry != null && !entry.displayPath().equals(displayPath)) {
            entry = null;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return Lookup.unreadable();
        }
        long size = attributes.size();
        long modified = toNanos(attributes.lastModifiedTime());
        long stamp = modified < trustedBeforeNanos ? modified : CacheEntry.UNTRUSTED_STAMP;
        if (entry != null && entry.size() == size && entry.modifiedNanos() == modified
                && modified != CacheEntry.UNTRUSTED_STAMP) {
            if (entry.lastSeenDay() != today) {
                entries.put(key, entry.seenOn(today));
                changed.set(true);
            }
            hits.increment();
            return Lookup.hit(entry.report());
        }
        if (!attributes.isRegularFile() || size > Integer.MAX_VALUE - 16) {
            return Lookup.unreadable();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return Lookup.unreadable();
        }
        byte[] hash = Arrays.copyOf(sha256(content), HASH_BYTES);
        if (entry != null && Arrays.equals(entry.contentHash(), hash)) {
            entries.put(key, entry.withStamp(content.length, stamp, today));
            changed.set(true);
            hits.increment();
            return Lookup.hit(entry.report());
        }
        misses.increment();
        return new Lookup(key, displayPath, null, content, hash, stamp);
    }

    /** Remembers the report made from a missed lookup's bytes, unless it shows a bug of ours. */
    public void store(Lookup miss, FileReport report) {
        if (miss.content == null || miss.key == null) {
            throw new IllegalArgumentException("only a miss can be stored");
        }
        if (report.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INTERNAL_ERROR)) {
            return;
        }
        entries.put(miss.key, new CacheEntry(miss.displayPath, miss.content.length, miss.stamp, miss.hash, today, report));
        changed.set(true);
    }

    /**
     * Writes the pack if anything changed, dropping entries and other packs unused for
     * {@link #KEEP_DAYS} days. Never throws.
     */
    public void save() {
        if (!changed.get()) {
            return;
        }
        Map<String, CacheEntry> kept = new TreeMap<>();
        entries.forEach((key, entry) -> {
            if (today - entry.lastSeenDay() <= KEEP_DAYS) {
                kept.put(key, entry);
            }
        });
        Path temporary = directory.resolve(pack.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            prepareDirectory();
            Files.write(temporary, PackCodec.encode(runKey, kept));
            try {
                Files.move(temporary, pack, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, pack, StandardCopyOption.REPLACE_EXISTING);
            }
            changed.set(false);
            removeUnusedPacks();
        } catch (IOException | RuntimeException e) {
            warn("cannot write the result cache in " + directory + " (" + reason(e) + "); results were not saved");
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException | RuntimeException ignored) {
                // The directory is unusable; the warning above already says so.
            }
        }
    }

    private Map<String, CacheEntry> load() {
        if (!Files.isRegularFile(pack)) {
            // The first run here; a directory that is unusable is reported when saving.
            return Map.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pack);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            warn("cannot read the result cache " + pack + " (" + reason(e) + "); analysing every file");
            return Map.of();
        }
        try {
            return PackCodec.decode(bytes, runKey);
        } catch (PackCodec.CorruptPackException | RuntimeException e) {
            warn("ignoring the damaged result cache " + pack + " (" + reason(e) + "); it will be rebuilt");
            changed.set(true);
            return Map.of();
        }
    }

    /** Marks the directory as a cache for git (as Ruff does) and for backup tools (CACHEDIR.TAG). */
    private void prepareDirectory() throws IOException {
        Files.createDirectories(directory);
        Path gitignore = directory.resolve(".gitignore");
        if (!Files.exists(gitignore)) {
            Files.writeString(gitignore, "# Created by pitfall: nothing in this directory belongs in git.\n*\n");
        }
        Path tag = directory.resolve("CACHEDIR.TAG");
        if (!Files.exists(tag)) {
            Files.writeString(tag, "Signature: 8a477f597d28d172789f06886806bc55\n"
                    + "# This file is a cache directory tag created by pitfall.\n");
        }
    }

    private void removeUnusedPacks() throws IOException {
        FileTime oldest = FileTime.from(Instant.now().minus(Duration.ofDays(KEEP_DAYS)));
        try (DirectoryStream<Path> packs = Files.newDirectoryStream(directory, PACK_PREFIX + "*" + PACK_SUFFIX)) {
            for (Path other : packs) {
                if (!other.equals(pack) && Files.getLastModifiedTime(other).compareTo(oldest) < 0) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private void warn(String message) {
        if (warned.compareAndSet(false, true)) {
            warnings.accept(message);
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long toNanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    /** FNV-1a, 64 bits: names the pack of a run key; a collision only makes two keys share a file. */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The outcome of {@link #lookup}: a hit, a miss with the file's bytes, or neither. */
    public static final class Lookup {
        private final String key;
        private final String displayPath;
        private final FileReport cached;
        private final byte[] content;
        private final byte[] hash;
        private final long stamp;

        private Lookup(String key, String displayPath, FileReport cached, byte[] content, byte[] hash, long stamp) {
            this.key = key;
            this.displayPath = displayPath;
            this.cached = cached;
            this.content = content;
            this.hash = hash;
            this.stamp = stamp;
        }

        static Lookup hit(FileReport report) {
            return new Lookup(null, null, report, null, null, 0);
        }

        static Lookup unreadable() {
            return new Lookup(null, null, null, null, null, 0);
        }

        /** The stored report, or null on a miss. */
        public FileReport cached() {
            return cached;
        }

        /** The file's bytes on a miss, or null. */
        public byte[] content() {
            return content;
        }
    }
}
