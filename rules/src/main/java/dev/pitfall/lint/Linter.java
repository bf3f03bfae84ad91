package dev.pitfall.lint;

import dev.pitfall.ast.Module;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Lints one file at a time with a fixed set of rules: parse, build the semantic model, walk the
 * tree once while dispatching each node to every rule that asked for its kind, then run the
 * rules' end-of-file handlers. Thread-safe: one Linter may lint many files in parallel.
 */
public final class Linter {
    private final List<RuleIndex.Entry> enabled;
    private final boolean syntaxErrorEnabled;
    private final Function<SourceFile, ParseResult> parser;

    /** A linter running exactly the rules whose codes are given; unknown codes are ignored. */
    public Linter(Set<String> enabledCodes) {
        this(enabledCodes, SourceParser::parse);
    }

    /** As {@link #Linter(Set)}, with another parser: for tests that compare parsers. */
    public Linter(Set<String> enabledCodes, Function<SourceFile, ParseResult> parser) {
        this(RuleIndex.entries(), enabledCodes, parser);
    }

    /** A linter choosing among {@code available} rules rather than the index: for engine tests. */
    Linter(List<RuleIndex.Entry> available, Set<String> enabledCodes,
            Function<SourceFile, ParseResult> parser) {
        List<RuleIndex.Entry> rules = new ArrayList<>();
        for (RuleIndex.Entry entry : available) {
            if (enabledCodes.contains(entry.descriptor().code())
                    && !entry.descriptor().code().equals(SyntaxErrorRule.CODE)) {
                rules.add(entry);
            }
        }
        this.enabled = List.copyOf(rules);
        this.syntaxErrorEnabled = enabledCodes.contains(SyntaxErrorRule.CODE);
        this.parser = parser;
    }

    /** Every rule pitfall knows, sorted by code. */
    public static List<RuleDescriptor> allRules() {
        return RuleIndex.entries().stream().map(RuleIndex.Entry::descriptor).toList();
    }

    /** The rule with this code ({@code PF101}, any case) or name ({@code mutable-default-argument}). */
    public static Optional<RuleDescriptor> findRule(String codeOrName) {
        String wanted = codeOrName.trim();
        for (RuleIndex.Entry entry : RuleIndex.entries()) {
            RuleDescriptor rule = entry.descriptor();
            if (rule.code().equals(wanted.toUpperCase(Locale.ROOT)) || rule.name().equals(wanted)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Lints one file. Never throws for anything in the file; our own failures become diagnostics. */
    public LintResult lint(SourceFile source) {
        return lint(source, NO_TIMINGS);
    }

    /**
     * Made when the class is initialised, which the launcher's class-cache training run does, so
     * the cache keeps its lambda class. Made at the first call instead (only the --no-cache
     * warm-up calls without timings), it would be generated again at every such run.
     */
    private static final StageTimings NO_TIMINGS = (stage, nanos) -> { };

    /** As {@link #lint(SourceFile)}, telling {@code timings} how long each stage took (for --verbose). */
    public LintResult lint(SourceFile source, StageTimings timings) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ParseResult parsed;
        long start = System.nanoTime();
        try {
            parsed = parser.apply(source);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(internalError(source, null, "the parser failed", e));
            return new LintResult(List.of(), diagnostics);
        } finally {
            timings.record(Stage.PARSE, System.nanoTime() - start);
        }
        if (parsed instanceof ParseResult.Failure) {
            List<Finding> findings = new ArrayList<>();
            if (syntaxErrorEnabled) {
                findings.add(SyntaxErrorRule.finding(source, ((ParseResult.Failure) parsed).error(),
                        findRule(SyntaxErrorRule.CODE).orElseThrow()));
            }
            return new LintResult(findings, diagnostics);
        }
        Module module = ((ParseResult.Success) parsed).module();
        SemanticModel semantic;
        start = System.nanoTime();
        try {
            semantic = SemanticModel.build(module, source);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.add(internalError(source, null, "the semantic model could not be built", e));
            return new LintResult(List.of(), diagnostics);
        } finally {
            timings.record(Stage.SEMANTIC_MODEL, System.nanoTime() - start);
        }
        start = System.nanoTime();
        try {
            return run(source, semantic, diagnostics);
        } finally {
            timings.record(Stage.RULES, System.nanoTime() - start);
        }
    }

    /** The stages of linting one file that {@link StageTimings} hears about. */
    public enum Stage {
        PARSE, SEMANTIC_MODEL, RULES
    }

    /** Receives the nanoseconds each stage took; called on the linting thread. */
    public interface StageTimings {
        void record(Stage stage, long nanos);
    }

    private LintResult run(SourceFile source, SemanticModel semantic, List<Diagnostic> diagnostics) {
        List<ActiveRule> active = new ArrayList<>();
        Map<Class<?>, Object> sharedAnalyses = new HashMap<>();
        TreePath path = new TreePath();
        for (RuleIndex.Entry entry : enabled) {
            ActiveRule rule = new ActiveRule(entry.descriptor(),
                    new RuleContext(entry.descriptor(), source, semantic, sharedAnalyses, path));
            try {
                entry.factory().get().register(rule);
            } catch (RuntimeException | StackOverflowError e) {
                rule.fail(e, diagnostics);
            }
            active.add(rule);
        }
        List<Subscription<?>> subscriptions = new ArrayList<>();
        for (ActiveRule rule : active) {
            subscriptions.addAll(rule.subscriptions);
        }
        dispatch(semantic.module(), planFor(subscriptions), subscriptions, path, diagnostics);
        for (ActiveRule rule : active) {
            for (Dispatch.FileHandler handler : rule.endHandlers) {
                if (rule.failed) {
                    break;
                }
                try {
                    handler.finish(rule.context);
                } catch (RuntimeException | StackOverflowError e) {
                    rule.fail(e, diagnostics);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ActiveRule rule : active) {
            findings.addAll(rule.context.findings());
        }
        findings.sort(Finding.SOURCE_ORDER);
        return new LintResult(findings, diagnostics);
    }

    /**
     * Which of a file's subscriptions each node class gets, by position in the file's list of
     * subscriptions (rule by rule, in the order they subscribed). Rules subscribe alike in every
     * file, so the answers are kept for the next file whose subscriptions have the same kinds in
     * the same order: working them out again for every file took about 1.5% of a steady-state run.
     */
    private record DispatchPlan(Class<?>[] kinds, Map<Class<?>, int[]> byNodeClass) {
        int[] positionsFor(Class<?> nodeClass) {
            int[] positions = byNodeClass.get(nodeClass);
            if (positions == null) {
                Class<?>[] supertypes = SUPERTYPES.get(nodeClass);
                int count = 0;
                int[] matching = new int[kinds.length];
                for (int i = 0; i < kinds.length; i++) {
                    if (isAmong(kinds[i], supertypes)) {
                        matching[count++] = i;
                    }
                }
                positions = Arrays.copyOf(matching, count);
                byNodeClass.put(nodeClass, positions);
            }
            return positions;
        }
    }

    /** The plan of the last file linted, shared by the threads that lint with this linter. */
    private volatile DispatchPlan lastPlan;

    private DispatchPlan planFor(List<Subscription<?>> subscriptions) {
        Class<?>[] kinds = new Class<?>[subscriptions.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = subscriptions.get(i).kind;
        }
        DispatchPlan plan = lastPlan;
        if (plan == null || !Arrays.equals(plan.kinds(), kinds)) {
            plan = new DispatchPlan(kinds, new ConcurrentHashMap<>());
            lastPlan = plan;
        }
        return plan;
    }

    /**
     * Walks the tree in pre-order, handing each node to the subscriptions for its class, and keeps
     * {@code path} on the node being visited. An explicit stack, so that deep trees cannot overflow
     * the call stack; children pushed by {@link Node#pushChildren}, which allocates nothing, where
     * {@link Node#children} would build a list for every node of the file.
     */
    private static void dispatch(Module module, DispatchPlan plan, List<Subscription<?>> subscriptions,
            TreePath path, List<Diagnostic> diagnostics) {
        Map<Class<?>, Subscription<?>[]> byClass = new HashMap<>();
        NodeStack pending = new NodeStack();
        // The depth of the node at each position of the stack.
        int[] depths = new int[64];
        pending.push(module);
        while (!pending.isEmpty()) {
            int top = pending.size() - 1;
            int depth = depths[top];
            Node node = pending.pop();
            path.enter(node, depth);
            Subscription<?>[] forNode = byClass.get(node.getClass());
            if (forNode == null) {
                int[] positions = plan.positionsFor(node.getClass());
                forNode = new Subscription<?>[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    forNode[i] = subscriptions.get(positions[i]);
                }
                byClass.put(node.getClass(), forNode);
            }
            for (Subscription<?> subscription : forNode) {
                subscription.deliver(node, diagnostics);
            }
            node.pushChildren(pending);
            int size = pending.size();
            if (size > depths.length) {
                depths = Arrays.copyOf(depths, Math.max(depths.length * 2, size));
            }
            for (int i = top; i < size; i++) {
                depths[i] = depth + 1;
            }
        }
    }

    /**
     * Each node class with its superclasses and interfaces, compared by identity: in C1 code (the
     * launcher runs C1 only) Class.isAssignableFrom is a native call, and so is the identity hash a
     * set of classes would use, and a dispatch plan asks about each pair of a node class and a
     * subscription.
     */
    private static final ClassValue<Class<?>[]> SUPERTYPES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            List<Class<?>> supertypes = new ArrayList<>();
            List<Class<?>> pending = new ArrayList<>(List.of(type));
            while (!pending.isEmpty()) {
                Class<?> next = pending.remove(pending.size() - 1);
                if (next != null && !supertypes.contains(next)) {
                    supertypes.add(next);
                    pending.add(next.getSuperclass());
                    pending.addAll(List.of(next.getInterfaces()));
                }
            }
            return supertypes.toArray(new Class<?>[0]);
        }
    };

    private static boolean isAmong(Class<?> kind, Class<?>[] supertypes) {
        for (Class<?> supertype : supertypes) {
            if (supertype == kind) {
                return true;
            }
        }
        return false;
    }

    private static Diagnostic internalError(SourceFile source, String ruleCode, String what,
            Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        return new Diagnostic(source.path(), Diagnostic.Kind.INTERNAL_ERROR, ruleCode,
                what + " on " + source.path() + ": " + error + where);
    }

    /** One rule's registrations and state for the file being linted. */
    private static final class ActiveRule implements Dispatch {
        private final RuleDescriptor descriptor;
        private final RuleContext context;
        private final List<Subscription<?>> subscriptions = new ArrayList<>();
        private final List<Dispatch.FileHandler> endHandlers = new ArrayList<>();
        private boolean failed;

        ActiveRule(RuleDescriptor descriptor, RuleContext context) {
            this.descriptor = descriptor;
            this.context = context;
        }

        @Override
        public <T extends Node> void on(Class<T> kind, NodeHandler<? super T> handler) {
            subscriptions.add(new Subscription<>(this, kind, handler));
        }

        @Override
        public void onEnd(FileHandler handler) {
            endHandlers.add(handler);
        }

        /** After its first failure a rule is not called again for this file. */
        void fail(Throwable error, List<Diagnostic> diagnostics) {
            failed = true;
            diagnostics.add(internalError(context.source(), descriptor.code(),
                    "rule " + descriptor.code() + " " + descriptor.name() + " failed", error));
        }
    }

    private record Subscription<T extends Node>(ActiveRule rule, Class<T> kind,
            Dispatch.NodeHandler<? super T> handler) {
        // The dispatch plan delivers a node only to the subscriptions of its kind, so the cast holds;
        // Class.cast would be a runtime call per delivery in C1 code.
        @SuppressWarnings("unchecked")
        void deliver(Node node, List<Diagnostic> diagnostics) {
            if (rule.failed) {
                return;
            }
            try {
                handler.visit((T) node, rule.context);
            } catch (RuntimeException | StackOverflowError e) {
                rule.fail(e, diagnostics);
            }
        }
    }
}
