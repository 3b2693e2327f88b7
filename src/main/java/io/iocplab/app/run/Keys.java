package io.iocplab.app.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: which key does what, in one table that both the key handler and the help
 * sheet ({@code ?}) read, so the sheet cannot forget a key.
 *
 * <p>Keys are matched by key code, not by the character typed, so they work the same with a Korean
 * input method switched to Hangul (where R types ㄱ). A presentation clicker sends PgUp, PgDn, and
 * {@code .} or {@code B} for its "blank screen" button; those are mapped to step back, step and
 * play/pause.
 */
public final class Keys {
    private Keys() {}

    /** What a key asks the window to do; {@link #key()} is its description in the {@code messages} bundle. */
    public enum Command {
        PLAY_PAUSE, STEP_FORWARD, STEP_BACK, HOME, END, FASTER, SLOWER, RESET, HELP, PRESENTER, OPEN;

        public String key() {
            return "command." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    /**
     * One line of the help sheet: the keys, each a {@code messages} key naming it ("keys.space") or a
     * literal in quotes ("'R'"), and the command.
     */
    public record Binding(List<String> keys, Command command) {
        public Binding {
            keys = List.copyOf(keys);
        }
    }

    /** Every key of the window, in the order of the help sheet. */
    public static final List<Binding> SHEET = List.of(
            new Binding(List.of("keys.space"), Command.PLAY_PAUSE),
            new Binding(List.of("keys.right"), Command.STEP_FORWARD),
            new Binding(List.of("keys.left"), Command.STEP_BACK),
            new Binding(List.of("keys.home"), Command.HOME),
            new Binding(List.of("keys.end"), Command.END),
            new Binding(List.of("'+'"), Command.FASTER),
            new Binding(List.of("'\u2212'"), Command.SLOWER),
            new Binding(List.of("'R'"), Command.RESET),
            new Binding(List.of("'?'", "'F1'"), Command.HELP),
            new Binding(List.of("'F5'", "'P'"), Command.PRESENTER),
            new Binding(List.of("keys.open"), Command.OPEN),
            new Binding(List.of("keys.pageDown"), Command.STEP_FORWARD),
            new Binding(List.of("keys.pageUp"), Command.STEP_BACK),
            new Binding(List.of("'.'", "'B'"), Command.PLAY_PAUSE));

    /**
     * The command of a key press, if it has one.
     *
     * @param shift    whether Shift is down (Shift+/ is {@code ?}, Shift+= is {@code +})
     * @param shortcut whether the platform's shortcut key (Ctrl, ⌘) is down
     */
    public static Optional<Command> of(KeyCode code, boolean shift, boolean shortcut) {
        if (code == null) {
            return Optional.empty();
        }
        if (shortcut) {
            return code == KeyCode.O ? Optional.of(Command.OPEN) : Optional.empty();
        }
        Command c = switch (code) {
            case SPACE, PERIOD, B -> Command.PLAY_PAUSE;
            case RIGHT, KP_RIGHT, PAGE_DOWN -> Command.STEP_FORWARD;
            case LEFT, KP_LEFT, PAGE_UP -> Command.STEP_BACK;
            case HOME -> Command.HOME;
            case END -> Command.END;
            case PLUS, ADD -> Command.FASTER;
            case EQUALS -> Command.FASTER;          // the unshifted + key
            case MINUS, SUBTRACT, UNDERSCORE -> Command.SLOWER;
            case R -> Command.RESET;
            case SLASH -> shift ? Command.HELP : null;
            case F1 -> Command.HELP;
            case F5, P -> Command.PRESENTER;
            default -> null;
        };
        return Optional.ofNullable(c);
    }

    /**
     * Hands the command of each key pressed in {@code scene} to {@code does}, which says whether it
     * did it (then the key goes no further). A key pressed with Alt, or while a text field, a spinner
     * or a choice box has the focus, stays with that control.
     */
    public static void listen(Scene scene, Predicate<Command> does) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || typingIn(scene.getFocusOwner())) {
                return;
            }
            of(e.getCode(), e.isShiftDown(), e.isShortcutDown()).ifPresent(c -> {
                if (does.test(c)) {
                    e.consume();
                }
            });
        });
    }

    /** Whether keys should go to the focused control (a text field, spinner or choice box) or inside one. */
    private static boolean typingIn(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner || n instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
    }
}
