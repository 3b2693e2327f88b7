package io.iocplab.app.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: which key does what, in one table that the key handler, the help sheet
 * ({@code ?}) and the tooltips all read, so none of them can forget a key.
 *
 * <p>Rules:
 * <ul>
 *   <li>Keys are matched by key code, not by the character typed, so they work the same with a Korean
 *       input method switched to Hangul (where R types ㄱ).</li>
 *   <li>A presentation clicker sends PgDn, PgUp, and {@code .} or {@code B} for its "blank screen" button:
 *       {@link Command#NEXT} (Continue in a lesson, else a step), {@link Command#PREVIOUS} and
 *       {@link Command#BLANK}.</li>
 *   <li>A key the focused control uses stays with it ({@link #ownedByFocus}): Space ticks a focused
 *       checkbox or presses a focused button, a text field or spinner keeps what is typed in it, a slider
 *       its arrows. Keys with the shortcut key (Ctrl, ⌘ on macOS) are always the window's.</li>
 * </ul>
 */
public final class Keys {
    private Keys() {}

    /** What a key asks the window to do; {@link #key()} is its description in the {@code messages} bundle. */
    public enum Command {
        PLAY_PAUSE, STEP_FORWARD, STEP_BACK, HOME, END, FASTER, SLOWER, RESET, NEXT, PREVIOUS, BLANK,
        POINT_NEXT, POINT_PREVIOUS, PRESENTER, SHOW_CODE, SHOW_TIMELINE, SHOW_PARAMETERS,
        ZOOM_IN, ZOOM_OUT, ZOOM_RESET, THEME, OPEN, HELP, CLOSE;

        public String key() {
            return "command." + name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    /**
     * One line of the help sheet: the keys and the command. A key is a {@code messages} key naming it
     * ("keys.space"), a literal in quotes ("'R'"), or a shortcut ("^O": Ctrl+O, ⌘O on macOS).
     */
    public record Binding(List<String> keys, Command command) {
        public Binding {
            keys = List.copyOf(keys);
        }
    }

    /** Every key of the window, in the order of the help sheet (the last closes the comparison window). */
    public static final List<Binding> SHEET = List.of(
            new Binding(List.of("keys.space"), Command.PLAY_PAUSE),
            new Binding(List.of("keys.right"), Command.STEP_FORWARD),
            new Binding(List.of("keys.left"), Command.STEP_BACK),
            new Binding(List.of("keys.home"), Command.HOME),
            new Binding(List.of("keys.end"), Command.END),
            new Binding(List.of("'+'"), Command.FASTER),
            new Binding(List.of("'\u2212'"), Command.SLOWER),
            new Binding(List.of("'R'"), Command.RESET),
            new Binding(List.of("keys.pageDown"), Command.NEXT),
            new Binding(List.of("keys.pageUp"), Command.PREVIOUS),
            new Binding(List.of("'.'", "'B'"), Command.BLANK),
            new Binding(List.of("']'"), Command.POINT_NEXT),
            new Binding(List.of("'['"), Command.POINT_PREVIOUS),
            new Binding(List.of("'F5'", "'P'"), Command.PRESENTER),
            new Binding(List.of("'C'"), Command.SHOW_CODE),
            new Binding(List.of("'T'"), Command.SHOW_TIMELINE),
            new Binding(List.of("'K'"), Command.SHOW_PARAMETERS),
            new Binding(List.of("^=", "^+"), Command.ZOOM_IN),
            new Binding(List.of("^\u2212"), Command.ZOOM_OUT),
            new Binding(List.of("^0"), Command.ZOOM_RESET),
            new Binding(List.of("^T"), Command.THEME),
            new Binding(List.of("^O"), Command.OPEN),
            new Binding(List.of("'?'", "'F1'"), Command.HELP),
            new Binding(List.of("keys.escape", "^W"), Command.CLOSE));

    /** Whether this is macOS, where the shortcut key is ⌘. */
    static boolean mac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    /** How a key of a {@link Binding} is written for a reader, {@code words} giving the bundle's names. */
    public static String label(String key, Function<String, String> words) {
        if (key.startsWith("'")) {
            return key.substring(1, key.length() - 1);
        }
        if (key.startsWith("^")) {
            return (mac() ? "\u2318" : "Ctrl+") + key.substring(1);
        }
        return words.apply(key);
    }

    /** The keys of {@code c} as a tooltip ends with them: "(Ctrl+O)", "(F5, P)"; empty if it has none. */
    public static String hint(Command c, Function<String, String> words) {
        String keys = SHEET.stream().filter(b -> b.command() == c).flatMap(b -> b.keys().stream())
                .map(k -> label(k, words)).collect(Collectors.joining(", "));
        return keys.isEmpty() ? "" : " (" + keys + ")";
    }

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
            Command c = switch (code) {
                case O -> Command.OPEN;
                case EQUALS, PLUS, ADD -> Command.ZOOM_IN;
                case MINUS, SUBTRACT -> Command.ZOOM_OUT;
                case DIGIT0, NUMPAD0 -> Command.ZOOM_RESET;
                case T -> Command.THEME;
                case W -> Command.CLOSE;
                default -> null;
            };
            return Optional.ofNullable(c);
        }
        Command c = switch (code) {
            case SPACE -> Command.PLAY_PAUSE;
            case RIGHT, KP_RIGHT -> Command.STEP_FORWARD;
            case LEFT, KP_LEFT -> Command.STEP_BACK;
            case PAGE_DOWN -> Command.NEXT;
            case PAGE_UP -> Command.PREVIOUS;
            case PERIOD, B -> Command.BLANK;
            case HOME -> Command.HOME;
            case END -> Command.END;
            case PLUS, ADD -> Command.FASTER;
            case EQUALS -> Command.FASTER;          // the unshifted + key
            case MINUS, SUBTRACT, UNDERSCORE -> Command.SLOWER;
            case R -> Command.RESET;
            case SLASH -> shift ? Command.HELP : null;
            case F1 -> Command.HELP;
            case F5, P -> Command.PRESENTER;
            case C -> Command.SHOW_CODE;
            case T -> Command.SHOW_TIMELINE;
            case K -> Command.SHOW_PARAMETERS;
            case CLOSE_BRACKET -> Command.POINT_NEXT;
            case OPEN_BRACKET -> Command.POINT_PREVIOUS;
            case ESCAPE -> Command.CLOSE;
            default -> null;
        };
        return Optional.ofNullable(c);
    }

    /**
     * Hands the command of each key pressed in {@code scene} to {@code does}, which says whether it
     * did it (then the key goes no further). A key pressed with Alt, or one the focused control uses,
     * stays with that control.
     */
    public static void listen(Scene scene, Predicate<Command> does) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || (!e.isShortcutDown() && ownedByFocus(scene.getFocusOwner(), e.getCode()))) {
                return;
            }
            of(e.getCode(), e.isShiftDown(), e.isShortcutDown()).ifPresent(c -> {
                if (does.test(c)) {
                    e.consume();
                }
            });
        });
    }

    /**
     * Gives the keyboard to the window, not to a control: when it opens (no toolbar button takes Space
     * from the transport), and when a click lands on something that is not a control (the stage, a
     * label), so a control clicked once does not keep the keys.
     */
    public static void focusOnWindow(Scene scene) {
        scene.getRoot().setFocusTraversable(false);
        javafx.application.Platform.runLater(() -> scene.getRoot().requestFocus());
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.Control && !(n instanceof javafx.scene.control.Label)
                        && !(n instanceof javafx.scene.control.ScrollPane)) {
                    return;
                }
            }
            scene.getRoot().requestFocus();
        });
    }

    /**
     * Whether the focused control (or the control it is part of) uses {@code code} itself: any key typed
     * into a text field, a combo or choice box; Space and Enter on a button, checkbox or toggle; the
     * arrows, Home and End on a slider. A spinner keeps what is typed into it, but Left and Right step the
     * window when its field holds its value unchanged (nothing is being edited there).
     */
    static boolean ownedByFocus(Node focused, KeyCode code) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof Spinner<?> s) {
                boolean across = code == KeyCode.LEFT || code == KeyCode.RIGHT;
                return !(across && unchanged(s)) && code != KeyCode.PAGE_DOWN && code != KeyCode.PAGE_UP
                        && code != KeyCode.ESCAPE;
            }
            if (n instanceof TextInputControl || n instanceof ComboBoxBase || n instanceof ChoiceBox) {
                return code != KeyCode.PAGE_DOWN && code != KeyCode.PAGE_UP && code != KeyCode.ESCAPE;
            }
            if (n instanceof ButtonBase) {
                return code == KeyCode.SPACE || code == KeyCode.ENTER;
            }
            if (n instanceof Slider) {
                return code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.UP || code == KeyCode.DOWN
                        || code == KeyCode.HOME || code == KeyCode.END;
            }
        }
        return false;
    }

    private static <T> boolean unchanged(Spinner<T> s) {
        if (!s.isEditable() || s.getValueFactory() == null) {
            return true;
        }
        String shown = s.getValueFactory().getConverter().toString(s.getValue());
        return s.getEditor().getText().equals(shown);
    }
}
