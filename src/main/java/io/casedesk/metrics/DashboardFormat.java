package io.casedesk.metrics;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the dashboard writes figures for people ("1 h 05 min", "92.5 %", "–" for nothing measured). Public because the
 * template calls it by reflection.
 */
@Component("dashboardFormat")
public final class DashboardFormat {

    public String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.abs(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return "%d min %02d s".formatted(s / 60, s % 60);
        }
        if (s < 86_400) {
            return "%d h %02d min".formatted(s / 3600, (s % 3600) / 60);
        }
        return "%d d %d h".formatted(s / 86_400, (s % 86_400) / 3600);
    }

    public String percent(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    public String score(Double average) {
        return average == null ? "–" : String.format(Locale.ROOT, "%.2f", average);
    }
}
