package io.casedesk.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash safety and two nodes, against the packaged application (issue 11, README "Crash safety and two nodes"). Each
 * node is {@code java -jar target/casedesk-*.jar} with profiles dev and mysql on a fresh MariaDB/MySQL database of
 * the harness's own, mailing through a relay to GreenMail in this JVM. Run: {@code ./mvnw -DskipTests package} and
 * then {@code ./mvnw -Pharness test}; it prints its figures and one line per invariant and fails when one breaks.
 */
@Tag("harness")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashHarness {

    /** The promise of issue 11: what a crash left behind is delivered within this time of the restart. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(60);

    private static final Duration SLOW_SMTP_ANSWER = Duration.ofMillis(1500);

    private static HarnessDatabase databases;
    private static MailSink mail;
    private static Path logs;
    private static final List<AutoCloseable> running = new ArrayList<>();
    // one database for both scenarios: the crash scenario's node-a goes on as the first node of two
    private static HarnessDatabase.Database db;
    private static SmtpRelay relayA;
    private static AppNode nodeA;
    private static Duration lockTime;
    private static final List<Load> loads = new ArrayList<>();
    /** Outbox ids of mail jobs a node held when it was killed: the only mails that may arrive twice. */
    private static final Set<Long> inFlight = new HashSet<>();
    /** Each kill and the restart after it (a node not restarted: the kill twice). */
    private static final List<Instant[]> crashes = new ArrayList<>();

    private static final Thread cleanupOnExit = new Thread(CrashHarness::cleanUp, "harness-cleanup");

    @BeforeAll
    static void setUp() throws Exception {
        AppNode.jar();
        logs = Files.createDirectories(Path.of("target", "harness"));
        databases = new HarnessDatabase();
        // a JVM ended by Ctrl-C or a CI timeout still stops its nodes and drops its databases
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        mail = new MailSink();
    }

    @AfterAll
    static void tearDown() {
        cleanUp();
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    }

    private static synchronized void cleanUp() {
        for (int i = running.size() - 1; i >= 0; i--) {
            AutoCloseable c = running.get(i);
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("[harness] cleanup: " + e);
            }
        }
        running.clear();
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (databases != null) {
            databases.close();
        }
    }

    private static <T extends AutoCloseable> T track(T resource) {
        synchronized (CrashHarness.class) {
            running.add(resource);
        }
        return resource;
    }

    static Duration lockTime() throws Exception {
        Matcher m = Pattern.compile("lock-time-in-millis:\\s*(\\d+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
        return m.find() ? Duration.ofMillis(Long.parseLong(m.group(1))) : Duration.ofMinutes(5);
    }

    /**
     * One node under steady intake (6 clients retrying with the same key) and agent actions, killed with SIGKILL
     * mid-load and again while mail jobs sit inside slow SMTP conversations, restarted on the same database each time.
     */
    @Test
    @Order(1)
    void killedMidLoadAndMidMailJob_losesNothing_duplicatesNothing_mailsWithinAMinuteOfTheRestart() throws Exception {
        var v = new Verdicts("crash");
        lockTime = lockTime();
        v.figure("job lock time (application.yaml)", lockTime);
        db = databases.fresh("cluster");
        relayA = track(new SmtpRelay(mail.port()));
        nodeA = track(new AppNode("node-a", db, relayA.port(), List.of(), logs));
        Instant t0 = Instant.now();
        Instant up = nodeA.start();
        v.figure("first start (fresh schema)", seconds(Duration.between(t0, up)));

        var load = new Load(List.of(nodeA.base()));
        loads.add(load);
        load.startIntake(6, Duration.ofMillis(150));
        load.startAgentActions();

        Load.sleep(Duration.ofSeconds(15));
        v.step("kill -9 mid-load (pid " + nodeA.pid() + ", " + load.acks.size() + " cases acknowledged so far)");
        Instant kill = nodeA.kill();
        Set<Long> held = lockedMails(db);
        inFlight.addAll(held);
        Instant restarted = nodeA.start();
        crashes.add(new Instant[] {kill, restarted});
        v.figure("kill 1: mail jobs held by the dead node", held.size());
        v.figure("kill 1: restart took", seconds(Duration.between(kill, restarted)));

        Load.sleep(Duration.ofSeconds(10));
        relayA.delay(SLOW_SMTP_ANSWER.toMillis());
        boolean busy = waitFor(Duration.ofSeconds(20), () -> relayA.open() >= 3);
        Load.sleep(Duration.ofSeconds(3));
        int conversations = relayA.open();
        v.step("kill -9 mid mail job (" + conversations + " SMTP conversations under way)");
        kill = nodeA.kill();
        relayA.delay(0);
        held = lockedMails(db);
        inFlight.addAll(held);
        restarted = nodeA.start();
        crashes.add(new Instant[] {kill, restarted});
        v.figure("kill 2: SMTP conversations cut", conversations);
        v.figure("kill 2: mail jobs held by the dead node", held.size());
        v.figure("kill 2: restart took", seconds(Duration.between(kill, restarted)));
        v.invariant("kill 2 fell inside mail jobs", busy && !held.isEmpty(), held.size() + " mail jobs locked");

        Load.sleep(Duration.ofSeconds(8));
        load.stop(Duration.ofSeconds(30));
        v.step("load stopped; waiting for the outbox to drain");
        waitFor(
                Duration.between(Instant.now(), restarted.plus(AFTER_RESTART)).plusSeconds(20),
                () -> queuedMails(db) == 0 && allSeen(db));
        mail.poll();

        checkIntake(v, db);
        checkAgentActions(v, db);
        checkMails(v, db);
        checkJobs(v, db);
        v.figure(
                "client attempts / connection failures / 5xx",
                load.attempts + " / " + load.connectionFailures + " / " + load.serverErrors);
        assertThat(v.failed()).as("invariants of the crash scenario").isEmpty();
    }

    /**
     * A second node on the same database (Camunda's homogeneous cluster): intake through both, SLA targets of seconds
     * so the timers fire during the run, the first node killed while its mail jobs are in SMTP; the second takes its
     * jobs over once their lock expires.
     */
    @Test
    @Order(2)
    void twoNodes_eachJobOnce_aKilledNodesJobsTakenOver() throws Exception {
        assertThat(nodeA != null && nodeA.alive())
                .as("node-a still up after the crash scenario")
                .isTrue();
        var v = new Verdicts("nodes");
        Timestamp phaseStart = Timestamp.from(Instant.now());
        var relayB = track(new SmtpRelay(mail.port()));
        var nodeB = track(new AppNode("node-b", db, relayB.port(), List.of(), logs));
        Instant t0 = Instant.now();
        v.figure("node-b joins (schema there)", seconds(Duration.between(t0, nodeB.start())));
        v.invariant("process owner deploys second-long SLA targets", deployFastTargets(nodeA) == 200, "sla-targets");

        var load = new Load(List.of(nodeA.base(), nodeB.base()));
        loads.add(load);
        // fewer cases than in the crash scenario: with second-long targets each case makes a dozen timer and mail jobs
        load.startIntake(2, Duration.ofMillis(700));
        Load.sleep(Duration.ofSeconds(20));
        relayA.delay(SLOW_SMTP_ANSWER.toMillis());
        boolean busy = waitFor(Duration.ofSeconds(15), () -> relayA.open() >= 1);
        Load.sleep(Duration.ofSeconds(3));
        v.step("kill -9 node-a (" + relayA.open() + " of its SMTP conversations under way)");
        Instant kill = nodeA.kill();
        crashes.add(new Instant[] {kill, kill});
        Map<String, String> lockedAtKill = lockedJobs(db);
        inFlight.addAll(lockedMails(db));
        Load.sleep(Duration.ofSeconds(3));
        // node-b works on: what is still locked by the same owner now is the dead node's
        Map<String, String> ofDeadNode = new HashMap<>(lockedJobs(db));
        ofDeadNode.entrySet().removeIf(e -> !e.getValue().equals(lockedAtKill.get(e.getKey())));
        v.invariant("node-a held jobs when killed", busy && !ofDeadNode.isEmpty(), ofDeadNode.size() + " jobs");
        Instant takenOver = null;
        Instant takeoverDeadline = kill.plus(lockTime).plusSeconds(40);
        while (Instant.now().isBefore(takeoverDeadline)) {
            Map<String, String> now = lockedJobs(db);
            if (ofDeadNode.entrySet().stream().noneMatch(e -> e.getValue().equals(now.get(e.getKey())))) {
                takenOver = Instant.now();
                break;
            }
            Load.sleep(Duration.ofMillis(250));
        }
        load.stop(Duration.ofSeconds(30));
        v.invariant(
                "node-b took over node-a's jobs",
                takenOver != null,
                takenOver == null
                        ? "still locked " + seconds(Duration.between(kill, Instant.now()))
                        : "after " + seconds(Duration.between(kill, takenOver)) + " (lock time " + lockTime + ")");
        waitFor(Duration.ofSeconds(60), () -> queuedMails(db) == 0 && allSeen(db) && runningSlaTargets(db) == 0);
        mail.poll();

        checkIntake(v, db);
        checkSlaOnce(v, db);
        checkMails(v, db);
        checkJobs(v, db);
        try (Connection c = db.connect()) {
            v.figure("jobs done per node in this scenario (ACT_HI_JOB_LOG)", rows(c, """
                            SELECT HOSTNAME_, JOB_DEF_TYPE_, COUNT(*) FROM ACT_HI_JOB_LOG
                            WHERE JOB_STATE_ = 2 AND TIMESTAMP_ >= '%s'
                            GROUP BY HOSTNAME_, JOB_DEF_TYPE_ ORDER BY HOSTNAME_, JOB_DEF_TYPE_""".formatted(phaseStart)));
            v.invariant("no job completed twice", rows(c, """
                                    SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY JOB_ID_
                                    HAVING COUNT(*) > 1""").isEmpty(), "successful log entries per job id");
        }
        v.figure(
                "intake answered by node-a / node-b",
                load.acks.stream().filter(x -> x.node().equals(nodeA.base())).count() + " / "
                        + load.acks.stream()
                                .filter(x -> x.node().equals(nodeB.base()))
                                .count() + " ("
                        + load.acks.stream().filter(x -> x.attempts() > 1).count() + " after a retry)");
        v.figure(
                "client attempts / connection failures / 5xx",
                load.attempts + " / " + load.connectionFailures + " / " + load.serverErrors);
        assertThat(v.failed()).as("invariants of the two-node scenario").isEmpty();
    }

    // ---- invariants

    private void checkIntake(Verdicts v, HarnessDatabase.Database db) throws SQLException {
        List<Load.Ack> acks = all(l -> l.acks);
        v.figure("cases acknowledged", acks.size());
        v.figure("requests abandoned by their client", all(l -> l.abandoned).size());
        List<String> violations = all(l -> l.violations);
        v.invariant("clients got no contract-breaking answer", violations.isEmpty(), violations.toString());
        try (Connection c = db.connect()) {
            Map<String, String> caseProcess = map(c, "SELECT reference, process_instance_id FROM support_case");
            Map<String, Integer> processes = new HashMap<>();
            Map<String, String> processOf = new HashMap<>();
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            SELECT BUSINESS_KEY_, ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'support-case'""")) {
                while (rs.next()) {
                    processes.merge(rs.getString(1), 1, Integer::sum);
                    processOf.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> keyToCase = map(c, """
                    SELECT request_key, reference FROM idempotent_request WHERE principal = 'ivy' AND reference IS NOT NULL""");
            List<String> lost = new ArrayList<>();
            List<String> wrongProcess = new ArrayList<>();
            List<String> wrongKey = new ArrayList<>();
            for (Load.Ack ack : acks) {
                if (!caseProcess.containsKey(ack.reference())) {
                    lost.add(ack.reference());
                }
                if (processes.getOrDefault(ack.reference(), 0) != 1
                        || !processOf.get(ack.reference()).equals(caseProcess.get(ack.reference()))) {
                    wrongProcess.add(ack.reference() + "=" + processes.getOrDefault(ack.reference(), 0));
                }
                if (!ack.reference().equals(keyToCase.get(ack.key()))) {
                    wrongKey.add(ack.key() + "->" + ack.reference() + "/" + keyToCase.get(ack.key()));
                }
            }
            v.invariant("every acknowledged case exists", lost.isEmpty(), "missing " + lost);
            v.invariant(
                    "one process per acknowledged case",
                    wrongProcess.isEmpty(),
                    "business key = reference " + wrongProcess);
            v.invariant("each key names its acknowledged case", wrongKey.isEmpty(), wrongKey.toString());
            Set<String> keyed = new HashSet<>(keyToCase.values());
            Set<String> orphans = new HashSet<>(caseProcess.keySet());
            orphans.removeAll(keyed);
            v.invariant(
                    "one case per idempotency key",
                    keyed.size() == keyToCase.size() && orphans.isEmpty(),
                    caseProcess.size() + " cases for " + keyToCase.size() + " keys, without a key: " + orphans);
            long extraProcesses = processes.values().stream().filter(n -> n > 1).count()
                    + processes.keySet().stream()
                            .filter(k -> !caseProcess.containsKey(k))
                            .count();
            v.invariant("no process without its case", extraProcesses == 0, extraProcesses + " extra");
        }
    }

    private void checkAgentActions(Verdicts v, HarnessDatabase.Database db) throws SQLException {
        List<Load.Completion> completions = all(l -> l.completions);
        List<Load.MessageAck> messages = all(l -> l.messages);
        v.figure("tasks completed by alice / customer messages", completions.size() + " / " + messages.size());
        try (Connection c = db.connect()) {
            List<String> notDone = new ArrayList<>();
            for (Load.Completion done : completions) {
                try (var s = c.prepareStatement("SELECT DELETE_REASON_ FROM ACT_HI_TASKINST WHERE ID_ = ?")) {
                    s.setString(1, done.taskId());
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next() || !"completed".equals(rs.getString(1))) {
                            notDone.add(done.taskId());
                        }
                    }
                }
            }
            v.invariant("every acknowledged task completion kept", notDone.isEmpty(), "lost " + notDone);
            List<String> lostMessages = new ArrayList<>();
            for (Load.MessageAck m : messages) {
                try (var s = c.prepareStatement("""
                        SELECT COUNT(*) FROM case_event e JOIN support_case c ON c.id = e.case_id
                        WHERE c.reference = ? AND e.type = 'customer-message' AND e.detail LIKE ?""")) {
                    s.setString(1, m.reference());
                    s.setString(2, "%" + m.token() + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            lostMessages.add(m.reference() + " " + m.token() + " x" + rs.getInt(1));
                        }
                    }
                }
            }
            v.invariant(
                    "every acknowledged customer message kept once", lostMessages.isEmpty(), lostMessages.toString());
        }
    }

    /**
     * Every mail of the outbox sent and received; each Message-ID once, except a mail whose job was under way when a
     * node died (the documented window between the SMTP server's acceptance and the commit); acknowledgements within
     * a minute of the restart that followed a kill.
     */
    private void checkMails(Verdicts v, HarnessDatabase.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            Map<Long, String> ids = new HashMap<>();
            Map<String, String> ackIds = new HashMap<>();
            int unsent = 0;
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            SELECT m.id, m.message_id, m.status, m.kind, c.reference
                            FROM mail_outbox m JOIN support_case c ON c.id = m.case_id""")) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getString(2));
                    if (!"SENT".equals(rs.getString(3))) {
                        unsent++;
                    }
                    if ("ACKNOWLEDGEMENT".equals(rs.getString(4))) {
                        ackIds.put(rs.getString(5), rs.getString(2));
                    }
                }
            }
            v.figure("mails in the outbox", ids.size());
            v.invariant("every mail job done", unsent == 0, unsent + " not sent");
            List<String> notReceived =
                    ids.values().stream().filter(id -> mail.count(id) == 0).toList();
            v.invariant(
                    "every mail received",
                    notReceived.isEmpty(),
                    notReceived.size() + " missing " + first(notReceived));
            Map<String, Integer> duplicates = new LinkedHashMap<>();
            ids.forEach((outbox, id) -> {
                if (mail.count(id) > 1) {
                    duplicates.put(outbox + " " + id, mail.count(id));
                }
            });
            Set<String> explained = new HashSet<>();
            inFlight.forEach(outbox -> explained.add(outbox + " " + ids.get(outbox)));
            List<String> unexplained = duplicates.keySet().stream()
                    .filter(d -> !explained.contains(d))
                    .toList();
            v.figure(
                    "mails sent twice (in the documented window)",
                    duplicates.size() + " of " + ids.size() + " " + duplicates.keySet());
            v.invariant(
                    "duplicates only of mails in flight at a kill",
                    unexplained.isEmpty() && duplicates.values().stream().allMatch(n -> n == 2),
                    duplicates.size() + " duplicates, " + inFlight.size() + " in flight, unexplained " + unexplained);

            List<String> late = new ArrayList<>();
            List<String> missingAck = new ArrayList<>();
            Duration worstAfterRestart = Duration.ZERO;
            for (Load.Ack ack : all(l -> l.acks)) {
                String id = ackIds.get(ack.reference());
                Instant seen = id == null ? null : mail.firstSeen(id);
                if (seen == null) {
                    missingAck.add(ack.reference());
                    continue;
                }
                Instant from = ack.at();
                for (Instant[] crash : crashes) {
                    if (ack.at().isBefore(crash[0]) && seen.isAfter(crash[0])) {
                        from = from.isAfter(crash[1]) ? from : crash[1];
                        Duration after = Duration.between(crash[1], seen);
                        worstAfterRestart = after.compareTo(worstAfterRestart) > 0 ? after : worstAfterRestart;
                    }
                }
                if (Duration.between(from, seen).compareTo(AFTER_RESTART) > 0) {
                    late.add(ack.reference() + " " + seconds(Duration.between(from, seen)));
                }
            }
            v.invariant(
                    "every acknowledgement mail sent",
                    missingAck.isEmpty(),
                    missingAck.size() + " " + first(missingAck));
            v.invariant(
                    "acknowledgements within 60 s (of the restart after a kill)",
                    late.isEmpty(),
                    "slowest after a restart " + seconds(worstAfterRestart) + ", late " + late);
        }
    }

    private void checkJobs(Verdicts v, HarnessDatabase.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            v.invariant(
                    "no job left failing",
                    rows(c, "SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ = 0 OR EXCEPTION_MSG_ IS NOT NULL")
                            .isEmpty(),
                    "ACT_RU_JOB retries 0 or exception");
            v.invariant(
                    "no incident",
                    rows(c, "SELECT INCIDENT_MSG_ FROM ACT_RU_INCIDENT").isEmpty(),
                    rows(c, "SELECT INCIDENT_MSG_ FROM ACT_RU_INCIDENT").toString());
            v.figure(
                    "job failures logged (retried since)",
                    rows(c, "SELECT ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1")
                            .size());
        }
    }

    /** Each SLA warning and breach of a case once on its timeline; each target that ran out breached exactly once. */
    private void checkSlaOnce(Verdicts v, HarnessDatabase.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            v.figure("SLA timeline entries", rows(c, """
                            SELECT type, COUNT(*) FROM case_event WHERE type IN ('sla-warning', 'sla-breach')
                            GROUP BY type ORDER BY type"""));
            List<String> twice = rows(c, """
                    SELECT case_id, type, detail FROM case_event WHERE type IN ('sla-warning', 'sla-breach')
                    GROUP BY case_id, type, detail HAVING COUNT(*) > 1""");
            v.invariant("each SLA warning and breach once per case and stage", twice.isEmpty(), twice.toString());
            List<String> breachMismatch = rows(c, """
                    SELECT r.case_id, r.target FROM sla_record r WHERE r.outcome = 'BREACHED' AND 1 <> (
                        SELECT COUNT(*) FROM case_event e WHERE e.case_id = r.case_id AND e.type = 'sla-breach'
                        AND e.detail LIKE CONCAT(CASE r.target WHEN 'RESPONSE' THEN 'First-response' ELSE 'Resolution'
                        END, '%'))""");
            v.figure(
                    "SLA targets breached (sla_record)",
                    rows(c, "SELECT target, COUNT(*) FROM sla_record WHERE outcome = 'BREACHED' GROUP BY target"));
            v.invariant(
                    "every breached target has exactly one breach entry",
                    breachMismatch.isEmpty(),
                    breachMismatch.toString());
            v.invariant("no SLA target left running past its due time", runningSlaTargets(db) == 0, "sla_record");
        }
    }

    private static <T> List<T> all(java.util.function.Function<Load, java.util.Collection<T>> log) {
        return loads.stream().flatMap(l -> log.apply(l).stream()).toList();
    }

    // ---- the database as the harness sees it

    /** Outbox ids of mail jobs locked by a node (after a kill: the dead node's, which the database still shows). */
    private static Set<Long> lockedMails(HarnessDatabase.Database db) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = db.connect();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT v.LONG_ FROM ACT_RU_JOB j JOIN ACT_RU_VARIABLE v
                            ON v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ AND v.NAME_ = 'outboxId'
                        WHERE j.LOCK_OWNER_ IS NOT NULL""")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Map<String, String> lockedJobs(HarnessDatabase.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            return map(c, "SELECT ID_, LOCK_OWNER_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
        }
    }

    private static int queuedMails(HarnessDatabase.Database db) {
        try (Connection c = db.connect()) {
            return rows(c, "SELECT id FROM mail_outbox WHERE status <> 'SENT'").size();
        } catch (SQLException e) {
            return -1;
        }
    }

    private static boolean allSeen(HarnessDatabase.Database db) {
        mail.poll();
        try (Connection c = db.connect()) {
            return rows(c, "SELECT message_id FROM mail_outbox").stream().allMatch(id -> mail.count(id) > 0);
        } catch (SQLException e) {
            return false;
        }
    }

    private static int runningSlaTargets(HarnessDatabase.Database db) {
        try (Connection c = db.connect();
                var s = c.prepareStatement(
                        "SELECT COUNT(*) FROM sla_record WHERE outcome = 'RUNNING' AND due_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(2)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Map<String, String> map(Connection c, String sql) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        }
        return result;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                result.add(row.toString());
            }
        }
        return result;
    }

    // ---- the process owner's second-long policy

    /** sla-targets with every target in seconds, around the clock, deployed by paul through /engine-rest. */
    private static int deployFastTargets(AppNode node) throws Exception {
        String table = Files.readString(Path.of("dmn/sla-targets.dmn"));
        String fast = table.replaceAll("(_Output_ResponseDue\">\\s*<text>)\"[^\"]*\"", "$1\"PT6S\"")
                .replaceAll("(_Output_ResolutionDue\">\\s*<text>)\"[^\"]*\"", "$1\"PT15S\"")
                .replaceAll("(_Output_Calendar\">\\s*<text>)\"[^\"]*\"", "$1\"24x7\"");
        String boundary = "----harness" + UUID.randomUUID();
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsla-targets\r\n"
                + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sla-targets.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + fast + "\r\n--" + boundary + "--\r\n";
        return new Load(List.of(node.base()))
                .send(
                        "paul",
                        HttpRequest.newBuilder(URI.create(node.base() + "/engine-rest/deployment/create"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    private static boolean waitFor(Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Load.sleep(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String first(List<String> items) {
        return items.stream().limit(5).toList().toString();
    }
}
