package dev.pitfall.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The library facts of {@code value-kinds.txt}, loaded once. */
final class KindTable {
    static final String SAME = "same";
    private static final KindTable INSTANCE = load();

    private final Map<String, ValueKind> calls = new HashMap<>();
    private final List<Map.Entry<String, ValueKind>> callPrefixes = new ArrayList<>();
    private final Map<String, ValueKind> methods = new HashMap<>();
    private final Map<String, ValueKind> attributes = new HashMap<>();
    private final Map<String, ValueKind> annotations = new HashMap<>();
    private final Map<String, ValueKind> parameterUses = new HashMap<>();
    private final List<String> estimatorPrefixes = new ArrayList<>();

    static KindTable get() {
        return INSTANCE;
    }

    private static KindTable load() {
        KindTable table = new KindTable();
        DataTable.read(KindTable.class, "value-kinds.txt",
                (line, number) -> table.add(DataTable.fields(line), number));
        return table;
    }

    private void add(List<String> fields, int line) {
        switch (fields.get(0)) {
            case "call" -> {
                expect(fields, 3, line);
                if (fields.get(1).endsWith("*")) {
                    callPrefixes.add(Map.entry(fields.get(1).substring(0, fields.get(1).length() - 1),
                            ValueKind.parse(fields.get(2))));
                } else {
                    calls.put(fields.get(1), ValueKind.parse(fields.get(2)));
                }
            }
            case "method" -> {
                expect(fields, 4, line);
                methods.put(fields.get(1) + " " + fields.get(2),
                        fields.get(3).equals(SAME) ? ValueKind.of(SAME) : ValueKind.parse(fields.get(3)));
            }
            case "attribute" -> {
                expect(fields, 4, line);
                attributes.put(fields.get(1) + " " + fields.get(2), ValueKind.parse(fields.get(3)));
            }
            case "annotation" -> {
                expect(fields, 3, line);
                annotations.put(fields.get(1), ValueKind.parse(fields.get(2)));
            }
            case "parameter-use" -> {
                expect(fields, 3, line);
                parameterUses.put(fields.get(1), ValueKind.parse(fields.get(2)));
            }
            case "estimator-prefix" -> {
                expect(fields, 2, line);
                estimatorPrefixes.add(fields.get(1));
            }
            default -> throw new IllegalStateException("value-kinds.txt line " + line
                    + ": unknown fact " + fields.get(0));
        }
    }

    private static void expect(List<String> fields, int count, int line) {
        if (fields.size() != count) {
            throw new IllegalStateException("value-kinds.txt line " + line + ": expected "
                    + count + " fields");
        }
    }

    /** The kind a call to {@code callee} returns, or null when the table does not say. */
    ValueKind call(String callee) {
        ValueKind exact = calls.get(callee);
        if (exact != null) {
            return exact;
        }
        ValueKind best = null;
        int bestLength = -1;
        for (Map.Entry<String, ValueKind> prefix : callPrefixes) {
            if (callee.startsWith(prefix.getKey()) && prefix.getKey().length() > bestLength) {
                best = prefix.getValue();
                bestLength = prefix.getKey().length();
            }
        }
        if (best != null) {
            return best;
        }
        for (String prefix : estimatorPrefixes) {
            int lastDot = callee.lastIndexOf('.');
            if (callee.startsWith(prefix) && lastDot >= 0 && lastDot + 1 < callee.length()
                    && Character.isUpperCase(callee.charAt(lastDot + 1))) {
                return ValueKind.estimator(callee);
            }
        }
        return null;
    }

    /** The kind a method returns (a kind of type {@code same} means the receiver's), or null. */
    ValueKind method(String receiverType, String method) {
        ValueKind exact = methods.get(receiverType + " " + method);
        return exact != null ? exact : methods.get(receiverType + " *");
    }

    /** The kind of a named attribute of a receiver type, or null when the table does not name it. */
    ValueKind attribute(String receiverType, String attribute) {
        return attributes.get(receiverType + " " + attribute);
    }

    /** The kind of any other attribute of a receiver type (a DataFrame's columns), or null. */
    ValueKind otherAttribute(String receiverType) {
        return attributes.get(receiverType + " *");
    }

    /** True when the table names this method of the receiver type. */
    boolean isKnownMethod(String receiverType, String method) {
        return methods.containsKey(receiverType + " " + method);
    }

    ValueKind annotation(String qualifiedName) {
        return annotations.get(qualifiedName);
    }

    ValueKind parameterUse(String member) {
        return parameterUses.get(member);
    }
}
