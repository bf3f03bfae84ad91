package dev.pitfall.lint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Rule;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small rule classes with the processor and checks the index it writes or the errors it gives. */
class RuleIndexProcessorTest {
    @TempDir
    Path work;

    private record Outcome(boolean success, List<String> errors, Path generated) {
    }

    private static String rule(String className, String code, String name, String modifiers) {
        return """
                package sample;
                import dev.pitfall.lint.*;
                @RuleInfo(code = "%s", name = "%s", summary = "s", explanation = "## Why it matters\\nx",
                        severity = Severity.WARNING, tags = {"t"})
                %s class %s implements Rule {
                    public %s() {
                    }
                    @Override
                    public void register(Dispatch dispatch) {
                    }
                }
                """.formatted(code, name, modifiers, className, className);
    }

    private Outcome compile(String... sources) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(work.resolve("src/sample"));
        Path out = Files.createDirectories(work.resolve("out"));
        List<File> files = new ArrayList<>();
        for (String source : sources) {
            String className = source.replaceAll("(?s).*class (\\w+) implements.*", "$1");
            Path file = src.resolve(className + ".java");
            Files.writeString(file, source);
            files.add(file.toFile());
        }
        String classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, fileManager, diagnostics,
                    List.of("-classpath", classes + File.pathSeparator + System.getProperty("java.class.path"),
                            "-d", out.toString(), "-s", out.toString(),
                            "-processor", RuleIndexProcessor.class.getName()),
                    null, fileManager.getJavaFileObjectsFromFiles(files));
            boolean success = task.call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getMessage(Locale.ROOT));
                }
            }
            return new Outcome(success, errors, out.resolve("dev/pitfall/lint/GeneratedRuleIndex.java"));
        }
    }

    @Test
    void writesOneEntryPerRuleInCodeOrder() throws Exception {
        Outcome outcome = compile(rule("Second", "PF902", "second-rule", "public final"),
                rule("First", "PF901", "first-rule", "public final"));
        assertTrue(outcome.success(), outcome.errors().toString());
        String index = Files.readString(outcome.generated());
        int first = index.indexOf("\"PF901\"");
        int second = index.indexOf("\"PF902\"");
        assertTrue(first > 0 && second > first, index);
        assertTrue(index.contains("sample.First::new") && index.contains("sample.Second::new"), index);
        assertTrue(index.contains("\"## Why it matters\\nx\""), "explanations are escaped: " + index);
    }

    @Test
    void rejectsDuplicateCodesAndNames() throws Exception {
        Outcome outcome = compile(rule("One", "PF901", "same-name", "public final"),
                rule("Two", "PF901", "other-name", "public final"),
                rule("Three", "PF903", "same-name", "public final"));
        assertEquals(false, outcome.success());
        assertTrue(outcome.errors().stream().anyMatch(e -> e.contains("rule code PF901 is already used")), outcome.errors().toString());
        assertTrue(outcome.errors().stream().anyMatch(e -> e.contains("rule name same-name is already used")), outcome.errors().toString());
    }

    @Test
    void rejectsMalformedCodesNamesAndHiddenClasses() throws Exception {
        Outcome outcome = compile(rule("BadCode", "X12", "bad-code", "public final"),
                rule("BadName", "PF904", "Bad_Name", "public final"),
                rule("Hidden", "PF905", "hidden-rule", "final"));
        assertEquals(false, outcome.success());
        List<String> errors = outcome.errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("does not look like PF123")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("is not kebab-case")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("public, non-abstract top-level")), errors.toString());
    }
}
