package io.casedesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A table of figures printed to stdout as Markdown, so a run's output can go into the README as it is. */
final class BenchTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    BenchTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    BenchTable row(Object... cells) {
        rows.add(Arrays.stream(cells).map(BenchTable::format).toList());
        return this;
    }

    void print() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
            }
        }
        var out = new StringBuilder("\n#### ").append(title).append("\n\n");
        line(out, header, widths);
        out.append('|');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('|');
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, widths));
        System.out.println(out);
        System.out.flush();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            out.append(' ')
                    .append(cell)
                    .append(" ".repeat(widths[i] - cell.length()))
                    .append(" |");
        }
        out.append('\n');
    }

    private static String format(Object cell) {
        if (cell instanceof Double d) {
            return d.isNaN() ? "-" : String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%,.2f", d);
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) cell).longValue());
        }
        return String.valueOf(cell);
    }
}
