package io.iocplab.scenario;

import java.util.List;

/**
 * The words a scenario file is written with, as the loader reads them: the top-level keys, the keys of each
 * section's entries, the step names and each step's arguments. For an editor's completion; the loader's own
 * lists are the only source, so what is offered is exactly what is accepted.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** The top-level keys, in the order they are documented. */
    public static List<String> keys() {
        return ScenarioLoader.KEYS;
    }

    /** Every step name, in the contract's order. */
    public static List<String> steps() {
        return StepReader.STEPS;
    }

    /** The arguments a step takes by name (empty for one that takes a single value or none). */
    public static List<String> arguments(String step) {
        return StepReader.argumentNames(step);
    }

    /** The keys of an entry of a top-level section ({@code ports}, {@code sockets}, {@code listeners}, {@code echo}), or of a peer's action. */
    public static List<String> entryKeys(String section) {
        return switch (section) {
            case "ports" -> ScenarioLoader.PORT_KEYS;
            case "sockets", "listeners" -> ScenarioLoader.SOCKET_KEYS;
            case "peers" -> ScenarioLoader.PEER_KEYS;
            case "echo" -> EchoReader.KEYS;
            default -> List.of();
        };
    }
}
