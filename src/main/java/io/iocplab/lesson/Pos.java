package io.iocplab.lesson;

/** A place in a lesson file: line and column, 1-based, as an editor shows them. */
public record Pos(int line, int column) {
    public static final Pos NONE = new Pos(1, 1);
}
