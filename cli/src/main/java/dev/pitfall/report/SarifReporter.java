package dev.pitfall.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.lint.Severity;
import dev.pitfall.lint.SyntaxErrorRule;
import dev.pitfall.source.TextRange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, built with the SARIF Java model.
 * Paths are relative to {@code %SRCROOT%} (the source root of the run); columns are 1-based
 * UTF-16 code units, as the run's {@code columnKind} declares. Notebook results point at the
 * lines of the .ipynb file and carry the cell position in their properties.
 */
public final class SarifReporter implements Reporter {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SOURCE_ROOT = "%SRCROOT%";
    public static final String FINGERPRINT_KEY = "pitfall/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public boolean showsFingerprints() {
        return true;
    }

    @Override
    public void write(RunReport report, OutputStream out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(printer).writeValue(out, tree(report));
        out.write('\n');
        out.flush();
    }

    /**
     * The log as JSON. The SARIF model omits values equal to SARIF's defaults (level "warning",
     * for one), but GitHub and people read these logs without applying defaults: every rule's
     * level and every result's level is written out, and empty related-location lists left out.
     */
    public ObjectNode tree(RunReport report) {
        ObjectNode log = MAPPER.valueToTree(build(report));
        ObjectNode run = (ObjectNode) log.get("runs").get(0);
        ArrayNode rules = (ArrayNode) run.get("tool").get("driver").withArray("rules");
        for (int i = 0; i < report.rules().size(); i++) {
            ((ObjectNode) rules.get(i)).putObject("defaultConfiguration")
                    .put("level", configurationLevel(report.rules().get(i).defaultSeverity()).value());
        }
        int index = 0;
        ArrayNode results = run.withArray("results");
        for (FileReport file : report.files()) {
            for (ReportedFinding reported : file.findings()) {
                ObjectNode result = (ObjectNode) results.get(index++);
                result.put("level", resultLevel(reported.finding().severity()).value());
                JsonNode related = result.get("relatedLocations");
                if (related != null && related.isEmpty()) {
                    result.remove("relatedLocations");
                }
            }
        }
        return log;
    }

    public SarifSchema210 build(RunReport report) {
        List<ReportingDescriptor> rules = new ArrayList<>();
        for (RuleDescriptor rule : report.rules()) {
            rules.add(descriptor(rule));
        }
        ToolComponent driver = new ToolComponent()
                .withName(ToolInfo.NAME)
                .withVersion(ToolInfo.version())
                .withSemanticVersion(ToolInfo.version())
                .withInformationUri(URI.create(ToolInfo.HOMEPAGE))
                .withRules(new LinkedHashSet<>(rules));

        List<Result> results = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (FileReport file : report.files()) {
            ArtifactLocation artifact = artifact(file.path(), report.sourceRoot());
            for (ReportedFinding reported : file.findings()) {
                results.add(result(reported, artifact, report));
                if (reported.finding().code().equals(SyntaxErrorRule.CODE)) {
                    notifications.add(notification(Notification.Level.WARNING, artifact,
                            file.path() + ": could not be parsed: " + reported.finding().message(), null));
                }
            }
            for (Diagnostic diagnostic : file.diagnostics()) {
                boolean internal = diagnostic.kind() == Diagnostic.Kind.INTERNAL_ERROR;
                notifications.add(notification(internal ? Notification.Level.ERROR : Notification.Level.WARNING,
                        artifact, TextReporter.describe(diagnostic), internal ? diagnostic.ruleCode() : null));
            }
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(!report.hasInternalErrors())
                .withToolExecutionNotifications(notifications);
        OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
        baseIds.setAdditionalProperty(SOURCE_ROOT, new ArtifactLocation().withUri(directoryUri(report.sourceRoot())));
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation))
                .withOriginalUriBaseIds(baseIds)
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withResults(results);
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static ReportingDescriptor descriptor(RuleDescriptor rule) {
        PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(rule.tags()));
        properties.setAdditionalProperty("precision", rule.precision());
        properties.setAdditionalProperty("problem.severity", problemSeverity(rule.defaultSeverity()));
        return new ReportingDescriptor()
                .withId(rule.code())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(rule.summary()))
                .withFullDescription(new MultiformatMessageString().withText(firstParagraph(rule)))
                .withHelp(new MultiformatMessageString().withText(rule.explanation()).withMarkdown(rule.explanation()))
                .withHelpUri(URI.create(ToolInfo.helpUri(rule.code())))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(rule.defaultSeverity())))
                .withProperties(properties);
    }

    private static Result result(ReportedFinding reported, ArtifactLocation artifact, RunReport report) {
        Finding finding = reported.finding();
        Location location = new Location().withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(artifact)
                .withRegion(region(finding.range(), reported.notebook())));
        Set<Location> related = new LinkedHashSet<>();
        for (int i = 0; i < finding.related().size(); i++) {
            Finding.RelatedLocation relatedLocation = finding.related().get(i);
            NotebookPosition cell = reported.relatedNotebook().isEmpty() ? null : reported.relatedNotebook().get(i);
            related.add(new Location()
                    .withId(i + 1)
                    .withMessage(new Message().withText(relatedLocation.message()))
                    .withPhysicalLocation(new PhysicalLocation()
                            .withArtifactLocation(artifact)
                            .withRegion(region(relatedLocation.range(), cell))));
        }
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty(FINGERPRINT_KEY, reported.fingerprint());
        Result result = new Result()
                .withRuleId(finding.code())
                .withLevel(resultLevel(finding.severity()))
                .withMessage(new Message().withText(finding.message()))
                .withLocations(List.of(location))
                .withRelatedLocations(related)
                .withPartialFingerprints(fingerprints);
        int ruleIndex = report.ruleIndex(finding.code());
        if (ruleIndex >= 0) {
            result.setRuleIndex(ruleIndex);
        }
        NotebookPosition cell = reported.notebook();
        if (cell != null) {
            PropertyBag properties = new PropertyBag();
            properties.setAdditionalProperty("cell", cell.cell());
            properties.setAdditionalProperty("cellLine", cell.cellLine());
            properties.setAdditionalProperty("cellColumn", finding.range().startColumn());
            properties.setAdditionalProperty("cellEndLine", cell.cellEndLine());
            properties.setAdditionalProperty("cellEndColumn", finding.range().endColumn());
            result.setProperties(properties);
        }
        return result;
    }

    /**
     * A notebook region covers whole lines of the .ipynb file: a column in a cell's code is no
     * column of the JSON text that stores it.
     */
    private static Region region(TextRange range, NotebookPosition cell) {
        if (cell != null) {
            return new Region().withStartLine(cell.ipynbStartLine()).withEndLine(cell.ipynbEndLine());
        }
        return new Region()
                .withStartLine(range.startLine())
                .withStartColumn(range.startColumn())
                .withEndLine(range.endLine())
                .withEndColumn(range.endColumn());
    }

    private static Notification notification(Notification.Level level, ArtifactLocation artifact, String text,
            String ruleCode) {
        Notification notification = new Notification()
                .withLevel(level)
                .withMessage(new Message().withText(text))
                .withLocations(new LinkedHashSet<>(List.of(new Location()
                        .withPhysicalLocation(new PhysicalLocation().withArtifactLocation(artifact)))));
        if (ruleCode != null) {
            notification.setAssociatedRule(new ReportingDescriptorReference().withId(ruleCode));
        }
        return notification;
    }

    /** A location relative to the source root when the file lies below it, else an absolute URI. */
    static ArtifactLocation artifact(String displayPath, Path sourceRoot) {
        Path path = Path.of(displayPath);
        Path absolute = sourceRoot.resolve(path).normalize();
        if (absolute.startsWith(sourceRoot) && !absolute.equals(sourceRoot)) {
            String relative = sourceRoot.relativize(absolute).toString().replace('\\', '/');
            return new ArtifactLocation().withUri(encode(relative)).withUriBaseId(SOURCE_ROOT);
        }
        return new ArtifactLocation().withUri(absolute.toUri().toASCIIString());
    }

    private static String encode(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relativePath, e);
        }
    }

    private static String directoryUri(Path directory) {
        String uri = directory.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String firstParagraph(RuleDescriptor rule) {
        for (String paragraph : rule.explanation().split("\\n\\s*\\n")) {
            String text = paragraph.strip();
            if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith("```")) {
                return text;
            }
        }
        return rule.summary();
    }

    private static Result.Level resultLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configurationLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    /** GitHub code scanning's own severity scale for non-security queries. */
    private static String problemSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }
}
