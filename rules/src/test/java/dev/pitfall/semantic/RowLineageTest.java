package dev.pitfall.semantic;

import static dev.pitfall.semantic.ModelFixtures.load;
import static dev.pitfall.semantic.ModelFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RowLineageTest {
    /** Names of the origin bindings, as name@line. */
    private static Set<String> origins(SemanticModel model, String id, int line) {
        return model.rowLineage().origins(load(model, id, line)).stream()
                .map(b -> b.name() + "@" + b.line()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void splitPartsCarryTheRowsOfTheirOwnInput() {
        SemanticModel model = model("""
                from sklearn.model_selection import train_test_split
                X = load()
                y = labels()
                X_tr, X_te, y_tr, y_te = train_test_split(X, y)
                print(X_te, y_tr)
                """);
        assertEquals(Set.of("X_te@4", "X@2"), origins(model, "X_te", 5));
        assertEquals(Set.of("y_tr@4", "y@3"), origins(model, "y_tr", 5));
    }

    @Test
    void masksAndComparisonsCarryNoRowsButIndexArraysDo() {
        SemanticModel model = model("""
                df = read()
                test_ids = ids()
                idx = order()
                kept = df[~df.id.isin(test_ids)]
                picked = df.iloc[idx]
                print(kept, picked)
                """);
        assertEquals(Set.of("kept@4", "df@1"), origins(model, "kept", 6));
        assertEquals(Set.of("picked@5", "df@1", "idx@3"), origins(model, "picked", 6));
    }

    @Test
    void estimatorsPassOnTheRowsOfTheirArgumentOnly() {
        SemanticModel model = model("""
                from sklearn.preprocessing import StandardScaler
                ref = reference()
                X = load()
                scaler = StandardScaler().fit(ref)
                Z = scaler.transform(X)
                print(Z)
                """);
        assertEquals(Set.of("Z@5", "X@3"), origins(model, "Z", 6));
        assertTrue(model.dataFlow().derivesFrom(load(model, "Z", 6)).stream()
                .anyMatch(b -> b.name().equals("ref")), "the information of ref still flows into Z");
    }

    @Test
    void concatenationsHelpersAndOverlap() {
        SemanticModel model = model("""
                import pandas as pd
                def scaled(frame):
                    return frame / 2
                train = pd.read_csv("train.csv")
                test = pd.read_csv("test.csv")
                full = pd.concat([train, test])
                half = scaled(full)
                n = len(train)
                print(half, n, train)
                """);
        assertEquals(Set.of("half@7", "full@6", "train@4", "test@5"), origins(model, "half", 9));
        // len() gives a number, and a number holds no rows, not even of its own binding
        assertEquals(Set.of(), origins(model, "n", 9));
        assertTrue(model.rowLineage().overlap(load(model, "half", 9), load(model, "train", 9)));
        assertFalse(model.rowLineage().overlap(load(model, "n", 9), load(model, "train", 9)));
    }

    @Test
    void numbersHoldNoRows() {
        SemanticModel model = model("""
                n_train, n_test = 800, 200
                X = make(n_samples=n_train + n_test)
                head = X[:n_train]
                rows = load()
                count = rows.shape[0]
                print(head, count)
                """);
        assertEquals(Set.of("X@2", "head@3"), origins(model, "head", 6));
        // a number the inference cannot see is kept: shape[0] could be anything to it
        assertEquals(Set.of("count@5", "rows@4"), origins(model, "count", 6));
    }
}
