package io.iocplab.scenario;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns the text of a scenario or lesson file into its YAML node tree, within {@link Limits}, the same
 * way for both.
 *
 * <p>Rules: the text is at most {@link Limits#MAX_FILE_BYTES} characters; maps and lists nest at most
 * {@link Limits#MAX_DEPTH} deep, checked on the parser's flat stream of events before the tree is built
 * (building it is recursive, so a deeper file would overflow the stack); an alias may stand for a map or
 * a list at most 50 times (snakeyaml's own guard); tags are kept as text and never construct anything.
 * Any problem is reported with its position, and then there is no tree.
 */
public final class YamlDocument {
    private static final int MAX_ALIASES = 50;

    private YamlDocument() {}

    /**
     * The single document of {@code text}, or empty (after reporting why through {@code problem}, unless the
     * text is simply empty).
     */
    public static Optional<Node> compose(String label, String text, BiConsumer<Mark, String> problem) {
        if (text.length() > Limits.MAX_FILE_BYTES) {
            problem.accept(null, "the text is longer than " + Limits.bytes(Limits.MAX_FILE_BYTES)
                    + ", the limit for a scenario or lesson");
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder().setLabel(label).setCodePointLimit(Limits.MAX_FILE_BYTES)
                .setMaxAliasesForCollections(MAX_ALIASES).build();
        try {
            Mark tooDeep = firstTooDeep(settings, text);
            if (tooDeep != null) {
                problem.accept(tooDeep, "nested more than " + Limits.MAX_DEPTH
                        + " levels deep (maps and lists inside each other); a scenario needs about 10");
                return Optional.empty();
            }
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problem.accept(e.getProblemMark().or(e::getContextMark).orElse(null),
                    "YAML syntax: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (YamlEngineException e) {
            problem.accept(null, "YAML syntax: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Where the nesting first goes past the limit, or null. */
    private static Mark firstTooDeep(LoadSettings settings, String text) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > Limits.MAX_DEPTH) {
                        return e.getStartMark().orElse(null);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> { }
            }
        }
        return null;
    }
}
