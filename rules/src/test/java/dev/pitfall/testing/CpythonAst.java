package dev.pitfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.ast.Module;
import dev.pitfall.ast.PyConstant;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SyntaxError;
import dev.pitfall.source.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPython 3.13 as a reference parser for tests: runs {@code ast.parse} on the source and turns its
 * tree into our records (whose names and fields are CPython's). Lets semantic and rule tests
 * compare against the oracle, and run where our own parser does not yet handle a construct.
 */
public final class CpythonAst {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ParseResult> CACHE = new ConcurrentHashMap<>();
    private static final String DUMPER = """
            import ast, json, sys
            def conv(node):
                if isinstance(node, ast.AST):
                    out = {"_type": type(node).__name__}
                    for name in node._fields:
                        out[name] = conv(getattr(node, name, None))
                    for name in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                        if hasattr(node, name):
                            out[name] = getattr(node, name)
                    return out
                if isinstance(node, list):
                    return [conv(item) for item in node]
                if node is None or isinstance(node, str):
                    return node
                if node is Ellipsis:
                    return {"_const": "ellipsis"}
                if isinstance(node, bool):
                    return {"_const": "bool", "v": node}
                if isinstance(node, int):
                    return {"_const": "int", "v": str(node)}
                if isinstance(node, float):
                    return {"_const": "float", "v": repr(node)}
                if isinstance(node, complex):
                    return {"_const": "complex", "v": repr(node.imag)}
                if isinstance(node, bytes):
                    return {"_const": "bytes", "v": list(node)}
                raise TypeError(type(node))
            source = sys.stdin.buffer.read().decode("utf-8")
            try:
                tree = ast.parse(source)
                print(json.dumps({"ok": conv(tree)}))
            except SyntaxError as e:
                print(json.dumps({"error": [e.lineno or 1, e.offset or 1, e.msg]}))
            """;

    private CpythonAst() {
    }

    /** The CPython 3.13 interpreter the project uses as its oracle. */
    public static String python() {
        String fromEnv = System.getenv("PITFALL_PYTHON");
        if (fromEnv != null) {
            return fromEnv;
        }
        try {
            Process process = new ProcessBuilder("pyenv", "prefix", "3.13.0").redirectErrorStream(true).start();
            String prefix = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return prefix + "/bin/python3";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot find CPython 3.13 (set PITFALL_PYTHON)", e);
        }
    }

    /** Runs a Python script with {@code input} on stdin and returns its stdout. */
    public static String runPython(String script, String input) {
        try {
            Path file = Files.createTempFile("pitfall-oracle", ".py");
            try {
                Files.writeString(file, script);
                Process process = new ProcessBuilder(python(), file.toString()).start();
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("python failed: " + err);
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ParseResult parse(SourceFile source) {
        return CACHE.computeIfAbsent(source.text(), CpythonAst::parseText);
    }

    private static ParseResult parseText(String text) {
        try {
            JsonNode result = JSON.readTree(runPython(DUMPER, text));
            if (result.has("error")) {
                JsonNode error = result.get("error");
                return new ParseResult.Failure(new SyntaxError(error.get(0).asInt(), error.get(1).asInt(),
                        error.get(2).asText()));
            }
            return new ParseResult.Success((Module) convert(result.get("ok"), Module.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, String> RENAMED = Map.of("arguments", "Arguments", "arg", "Arg",
            "keyword", "Keyword", "alias", "Alias", "withitem", "WithItem",
            "comprehension", "Comprehension", "match_case", "MatchCase");

    private static Object convert(JsonNode json, Type type) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (json.isTextual()) {
            return json.asText();
        }
        if (json.isInt() && (type == int.class || type == Integer.class)) {
            return json.asInt();
        }
        if (json.isArray()) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (JsonNode item : json) {
                items.add(convert(item, element));
            }
            return java.util.Collections.unmodifiableList(items);
        }
        if (json.has("_const")) {
            String kind = json.get("_const").asText();
            JsonNode value = json.get("v");
            if (type == int.class || type == Integer.class) {
                return value.asInt();
            }
            switch (kind) {
                case "ellipsis": return PyConstant.ELLIPSIS;
                case "bool": return value.asBoolean();
                case "int": return new BigInteger(value.asText());
                case "float": return Double.parseDouble(value.asText());
                case "complex": return new PyConstant.Complex(Double.parseDouble(value.asText()));
                default:
                    byte[] bytes = new byte[value.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) value.get(i).asInt();
                    }
                    return new PyConstant.Bytes(bytes);
            }
        }
        String name = json.get("_type").asText();
        if (type instanceof Class<?> && ((Class<?>) type).isEnum()) {
            return enumValue((Class<?>) type, name);
        }
        try {
            Class<?> nodeClass = Class.forName("dev.pitfall.ast." + RENAMED.getOrDefault(name, name));
            // Every node class has one constructor, whose parameters are its FIELDS in order.
            Constructor<?> constructor = nodeClass.getConstructors()[0];
            List<?> names = (List<?>) nodeClass.getField("FIELDS").get(null);
            Class<?>[] types = constructor.getParameterTypes();
            Type[] genericTypes = constructor.getGenericParameterTypes();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                String fieldName = (String) names.get(i);
                JsonNode field = json.get(fieldName);
                if (fieldName.equals("value") && (nodeClass.getSimpleName().equals("Constant")
                        || nodeClass.getSimpleName().equals("MatchSingleton")) && field.isNull()) {
                    values[i] = PyConstant.NONE;
                } else if (fieldName.equals("value") && field != null && field.isTextual()
                        && types[i] == Object.class) {
                    values[i] = field.asText();
                } else {
                    values[i] = convert(field, genericTypes[i]);
                }
                if (values[i] == null && types[i] == int.class) {
                    values[i] = 0;
                }
            }
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot convert " + name + " from " + json, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> enumClass, String name) {
        return Enum.valueOf((Class<? extends Enum>) enumClass, name);
    }
}
