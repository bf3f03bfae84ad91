package dev.pitfall.semantic;

import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Nodes;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Builds the semantic model of a snippet and finds the names the model tests ask about. */
final class ModelFixtures {
    private ModelFixtures() {
    }

    static SemanticModel model(String code) {
        SourceFile source = SourceFile.ofText("test.py", code);
        ParseResult parsed = SourceParser.parse(source);
        if (!(parsed instanceof ParseResult.Success)) {
            throw new AssertionError("does not parse: " + parsed);
        }
        return SemanticModel.build(((ParseResult.Success) parsed).module(), source);
    }

    /** The last load of {@code id} on line {@code line}. */
    static Name load(SemanticModel model, String id, int line) {
        List<Name> found = new ArrayList<>();
        Nodes.walk(model.module(), node -> {
            if (node instanceof Name && ((Name) node).id().equals(id) && ((Name) node).lineno() == line
                    && ((Name) node).ctx() == ExprContext.Load) {
                found.add((Name) node);
            }
        });
        if (found.isEmpty()) {
            throw new AssertionError("no load of " + id + " on line " + line);
        }
        return found.get(found.size() - 1);
    }
}
