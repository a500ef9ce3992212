package io.casedesk.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL statements the application sends while {@link #counting} is on (datasource-proxy around the one
 * DataSource, so the engine's and casedesk's statements are both seen): per statement text, whether it is the
 * engine's (a table ACT_*) or casedesk's, and whether a request thread or a job sent it. A batch counts as one
 * round trip and as many rows as it carries.
 */
public final class StatementCounter implements QueryExecutionListener {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** One kind of statement: who sent it, from which side, the statement text shortened. */
    public record Key(String owner, String thread, String sql) {}

    private final Map<Key, LongAdder> roundTrips = new ConcurrentHashMap<>();
    private final Map<Key, LongAdder> rows = new ConcurrentHashMap<>();
    private volatile boolean counting;

    /** Wraps the application's DataSource bean in the counting proxy. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name("counted")
                            .listener(StatementCounter.this)
                            .build();
                }
                return bean;
            }
        });
    }

    public void start() {
        roundTrips.clear();
        rows.clear();
        counting = true;
    }

    public void stop() {
        counting = false;
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        if (!counting) {
            return;
        }
        String thread = Thread.currentThread().getName().startsWith("http-") ? "request" : "job";
        for (QueryInfo query : queryInfoList) {
            String sql = WHITESPACE.matcher(query.getQuery()).replaceAll(" ").trim();
            String owner = sql.toUpperCase(Locale.ROOT).contains("ACT_") ? "engine" : "casedesk";
            var key = new Key(owner, thread, sql.length() > 110 ? sql.substring(0, 110) : sql);
            roundTrips.computeIfAbsent(key, k -> new LongAdder()).increment();
            int batch =
                    execInfo.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
            rows.computeIfAbsent(key, k -> new LongAdder()).add(batch);
        }
    }

    /** Round trips per owner/thread/verb, and the casedesk statements one by one, each divided by {@code cases}. */
    public String report(int cases) {
        var byGroup = new TreeMap<String, double[]>();
        var casedesk = new TreeMap<String, Double>();
        roundTrips.forEach((key, count) -> {
            String verb = key.sql().split(" ", 2)[0].toLowerCase(Locale.ROOT);
            double[] sums = byGroup.computeIfAbsent(key.owner() + " " + key.thread() + " " + verb, k -> new double[2]);
            sums[0] += count.sum();
            sums[1] += rows.get(key).sum();
            if (key.owner().equals("casedesk")) {
                casedesk.merge(key.thread() + "  " + key.sql(), (double) count.sum(), Double::sum);
            }
        });
        var out = new StringBuilder();
        double total = 0;
        double engine = 0;
        for (var e : byGroup.entrySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-28s %7.1f round trips %7.1f rows%n",
                    e.getKey(),
                    e.getValue()[0] / cases,
                    e.getValue()[1] / cases));
            total += e.getValue()[0];
            if (e.getKey().startsWith("engine")) {
                engine += e.getValue()[0];
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "  statements per case: %.1f (engine %.1f, casedesk %.1f)%n  casedesk statements per case:%n",
                total / cases,
                engine / cases,
                (total - engine) / cases));
        casedesk.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(
                        e -> out.append(String.format(Locale.ROOT, "  %5.2f  %s%n", e.getValue() / cases, e.getKey())));
        return out.toString();
    }
}
