package io.iocplab.app.compare;

import io.iocplab.app.compare.Comparison.Measure;
import io.iocplab.app.model.Texts;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The table under the two stages: one row per {@link Measure}, the columns A, B and B − A, each
 * number formatted by the bundle {@value #BUNDLE}. Before both runs are measured the cells are
 * empty; a value that does not exist shows as a dash. Cell ids: {@code cmp-MEASURE-a}, {@code -b},
 * {@code -difference}.
 */
final class ComparisonTable {
    static final String BUNDLE = "compare";

    private final GridPane grid;
    private final Texts texts;
    private final Label headerA = new Label();
    private final Label headerB = new Label();
    private final Label headerDifference = new Label();
    private final Map<String, Label> cells = new HashMap<>();

    ComparisonTable(GridPane grid, Texts texts) {
        this.grid = grid;
        this.texts = texts;
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(240);
        grid.getColumnConstraints().add(name);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setHalignment(HPos.RIGHT);
            col.setMinWidth(200);
            grid.getColumnConstraints().add(col);
        }
        headerA.getStyleClass().addAll("comparison-header", "side-a-text");
        headerB.getStyleClass().addAll("comparison-header", "side-b-text");
        headerDifference.getStyleClass().add("comparison-header");
        grid.add(headerA, 1, 0);
        grid.add(headerB, 2, 0);
        grid.add(headerDifference, 3, 0);
        int row = 1;
        for (Measure m : Measure.values()) {
            Label label = new Label();
            label.setId("cmp-" + m + "-name");
            label.getStyleClass().add("comparison-measure");
            cells.put(m + "-name", label);
            grid.add(label, 0, row);
            for (String column : new String[] {"a", "b", "difference"}) {
                Label cell = new Label();
                cell.setId("cmp-" + m + "-" + column);
                cell.getStyleClass().add("comparison-value");
                cells.put(m + "-" + column, cell);
                grid.add(cell, column.equals("a") ? 1 : column.equals("b") ? 2 : 3, row);
            }
            row++;
        }
    }

    /** Shows the column headers (what A and B run) and the numbers of {@code c} (null: none yet). */
    void show(String a, String b, Comparison c) {
        headerA.setText("A \u00b7 " + a);
        headerB.setText("B \u00b7 " + b);
        headerDifference.setText(texts.get(BUNDLE, "column.difference"));
        for (Measure m : Measure.values()) {
            cell(m, "name").setText(texts.get(BUNDLE, "measure." + m));
            cell(m, "a").setText(c == null ? "" : value(m, c.a(m), c.aboveShare(c.a())));
            cell(m, "b").setText(c == null ? "" : value(m, c.b(m), c.aboveShare(c.b())));
            cell(m, "difference").setText(c == null ? "" : difference(m, c.difference(m), c.relative(m)));
        }
    }

    /** A value as the table shows it (times arrive in µs and are shown in ms). */
    private String value(Measure m, double v, double share) {
        if (Double.isNaN(v)) {
            return texts.get(BUNDLE, "none");
        }
        return texts.get(BUNDLE, "format." + m, shown(m, v), Double.isNaN(share) ? 0.0 : share);
    }

    /** A difference B − A, with its share of A when A is not 0. */
    private String difference(Measure m, double d, double relative) {
        if (Double.isNaN(d)) {
            return texts.get(BUNDLE, "none");
        }
        String text = texts.get(BUNDLE, "difference." + m, shown(m, d));
        return Double.isNaN(relative) || m == Measure.ABOVE_CONCURRENCY ? text
                : text + texts.get(BUNDLE, "relative", relative);
    }

    private static double shown(Measure m, double v) {
        return m == Measure.THROUGHPUT || m == Measure.SWITCHES_PER_PACKET ? v : v / 1000.0;
    }

    private Label cell(Measure m, String column) {
        return cells.get(m + "-" + column);
    }
}
