package dev.pitfall.cli;

import dev.pitfall.config.IgnoreRules;
import dev.pitfall.config.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the paths on the command line into the files to lint. Directories are walked for
 * {@code .py}, {@code .pyi} and {@code .ipynb} files, skipping excluded directories, virtual
 * environments (any directory holding {@code pyvenv.cfg}) and whatever the .gitignore files from
 * the repository root down ignore. Files named on the command line are always checked.
 * Symbolic links to directories are not followed, so link loops cannot trap the walk; dangling
 * links are skipped.
 */
public final class FileDiscovery {
    private final Path workingDirectory;
    /** The working directory's text with a separator at its end. */
    private final String workingDirectoryPrefix;
    private final Settings settings;
    private final boolean forceExclude;

    /** A file to lint: where it is and how messages name it. */
    public record Target(Path path, String displayPath) {
    }

    /** With {@code forceExclude}, excludes and .gitignore files apply to named files too (for pre-commit). */
    public FileDiscovery(Path workingDirectory, Settings settings, boolean forceExclude) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        String folder = this.workingDirectory.toString();
        this.workingDirectoryPrefix = folder.endsWith(File.separator) ? folder : folder + File.separator;
        this.settings = settings;
        this.forceExclude = forceExclude;
    }

    /** The files to lint, without duplicates, sorted by display path. */
    public List<Target> discover(List<String> arguments) {
        Map<String, Target> targets = new TreeMap<>();
        for (String argument : arguments) {
            Path absolute = workingDirectory.resolve(argument).normalize();
            if (Files.isDirectory(absolute)) {
                walk(absolute, gitignoresAbove(absolute), targets);
            } else if (!forceExclude || !isExcludedFile(absolute)) {
                // Named files are checked even when excluded; a missing one is reported when it is read.
                add(absolute, targets);
            }
        }
        return List.copyOf(targets.values());
    }

    /** How a path is shown: relative to the working directory when below it, with '/' separators. */
    public String displayPath(Path absolute) {
        // Found by the walk, a path is normalised and its folder's text is a prefix of its own: the
        // string comparison spares the walk Path.relativize for each file (code run interpreted).
        String text = absolute.toString();
        if (text.length() > workingDirectoryPrefix.length() && text.startsWith(workingDirectoryPrefix)) {
            return text.substring(workingDirectoryPrefix.length()).replace('\\', '/');
        }
        Path shown = absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    public static boolean isPythonFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".py") || name.endsWith(".pyi") || name.endsWith(".ipynb");
    }

    private void add(Path absolute, Map<String, Target> targets) {
        String display = displayPath(absolute);
        targets.putIfAbsent(display, new Target(absolute, display));
    }

    /**
     * The .gitignore files that apply to a directory from above: those of its parents up to the
     * repository root (the nearest directory holding .git), outermost first.
     */
    private List<IgnoreRules> gitignoresAbove(Path directory) {
        Path repositoryRoot = null;
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                repositoryRoot = candidate;
                break;
            }
        }
        List<IgnoreRules> rules = new ArrayList<>();
        if (repositoryRoot == null) {
            return rules;
        }
        for (Path parent = directory.getParent(); parent != null && parent.startsWith(repositoryRoot);
                parent = parent.getParent()) {
            IgnoreRules gitignore = readGitignore(parent);
            if (gitignore != null) {
                rules.add(0, gitignore);
            }
        }
        return rules;
    }

    private boolean isExcludedFile(Path file) {
        if (settings.isExcludedPathOrParent(file)) {
            return true;
        }
        List<IgnoreRules> gitignores = gitignoresAbove(file);
        for (Path ancestor = file; ancestor != null; ancestor = ancestor.getParent()) {
            if (isGitIgnored(gitignores, ancestor, !ancestor.equals(file))) {
                return true;
            }
        }
        return false;
    }

    private void walk(Path root, List<IgnoreRules> inherited, Map<String, Target> targets) {
        // An explicit stack rather than recursion: deep trees must not exhaust the thread stack.
        record Pending(Path directory, List<IgnoreRules> gitignores) {
        }
        List<Pending> stack = new ArrayList<>();
        stack.add(new Pending(root, inherited));
        while (!stack.isEmpty()) {
            Pending pending = stack.remove(stack.size() - 1);
            List<IgnoreRules> gitignores = pending.gitignores();
            IgnoreRules own = readGitignore(pending.directory());
            if (own != null) {
                gitignores = new ArrayList<>(gitignores);
                gitignores.add(own);
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(pending.directory())) {
                entries.forEach(children::add);
            } catch (IOException | RuntimeException e) {
                // An unreadable directory holds nothing we can lint; its siblings still count.
                continue;
            }
            for (Path child : children) {
                // One lstat per entry: the walk makes one for every file of the tree.
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    // Gone since the directory was listed, or unreadable: nothing to lint.
                    continue;
                }
                boolean directory = attributes.isDirectory();
                if (settings.isExcluded(child, directory) || isGitIgnored(gitignores, child, directory)) {
                    continue;
                }
                if (directory) {
                    if (!Files.exists(child.resolve("pyvenv.cfg"))) {
                        stack.add(new Pending(child, gitignores));
                    }
                } else if (isPythonFile(child)
                        && (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(child))) {
                    // Links that point nowhere (or at directories) are no source files to lint.
                    add(child, targets);
                }
            }
        }
    }

    private static boolean isGitIgnored(List<IgnoreRules> gitignores, Path path, boolean directory) {
        // The deepest .gitignore that has an opinion decides.
        for (int i = gitignores.size() - 1; i >= 0; i--) {
            Boolean decision = gitignores.get(i).decide(path, directory);
            if (decision != null) {
                return decision;
            }
        }
        return false;
    }

    private static IgnoreRules readGitignore(Path directory) {
        Path file = directory.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            IgnoreRules rules = IgnoreRules.ofLines(directory, Files.readAllLines(file, StandardCharsets.UTF_8));
            return rules.isEmpty() ? null : rules;
        } catch (IOException | RuntimeException e) {
            // A .gitignore we cannot read ignores nothing, as for git itself.
            return null;
        }
    }
}
