-- The SLA state has one home, sla_record (owned by sla): what support_case still kept of it (calendar, due dates,
-- breach flags, time paused) moves there and is dropped from support_case. The case shows its SLA read from the
-- records. Portable between H2 and MySQL/MariaDB.

-- 1. Cases triaged before sla_record existed (V6) have their SLA only on support_case: give them their records.
--    The promise is taken as the time from opening to the deadline (exact on 24x7; a business-hours target was
--    shorter in working time, which was never stored), the clock as started at opening. Breached is what the
--    flag says (the timer wrote it), dated at the deadline, when the timer fired; the time paused follows in 3.
INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, paused_seconds, paused_since,
                        outcome, breached_at, met_at, late_seconds)
SELECT c.id, 'RESPONSE', GREATEST(0, TIMESTAMPDIFF(SECOND, c.created_at, c.response_due_at)),
       COALESCE(c.sla_calendar, '24x7'), c.created_at, c.response_due_at, 0, NULL,
       CASE WHEN c.response_breached = TRUE THEN 'BREACHED'
            WHEN c.first_response_at IS NOT NULL THEN 'MET'
            ELSE 'RUNNING' END,
       CASE WHEN c.response_breached = TRUE THEN c.response_due_at END,
       c.first_response_at,
       CASE WHEN c.response_breached = TRUE AND c.first_response_at IS NOT NULL
            THEN GREATEST(0, TIMESTAMPDIFF(SECOND, c.response_due_at, c.first_response_at)) END
FROM support_case c
WHERE c.response_due_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM sla_record r WHERE r.case_id = c.id AND r.target = 'RESPONSE');

INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, paused_seconds, paused_since,
                        outcome, breached_at, met_at, late_seconds)
SELECT c.id, 'RESOLUTION', GREATEST(0, TIMESTAMPDIFF(SECOND, c.created_at, c.resolution_due_at)),
       COALESCE(c.sla_calendar, '24x7'), c.created_at, c.resolution_due_at, 0, NULL,
       CASE WHEN c.resolution_breached = TRUE THEN 'BREACHED'
            WHEN c.resolved_at IS NOT NULL THEN 'MET'
            ELSE 'RUNNING' END,
       CASE WHEN c.resolution_breached = TRUE THEN c.resolution_due_at END,
       c.resolved_at,
       CASE WHEN c.resolution_breached = TRUE AND c.resolved_at IS NOT NULL
            THEN GREATEST(0, TIMESTAMPDIFF(SECOND, c.resolution_due_at, c.resolved_at)) END
FROM support_case c
WHERE c.resolution_due_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM sla_record r WHERE r.case_id = c.id AND r.target = 'RESOLUTION');

-- 2. A breach flag the records do not show yet (the flag and the record were written in one transaction since V6,
--    so this is for data written otherwise): the record says breached, dated at its deadline if it has no date.
UPDATE sla_record SET outcome = 'BREACHED', breached_at = COALESCE(breached_at, due_at),
       late_seconds = CASE WHEN met_at IS NULL THEN NULL ELSE GREATEST(0, TIMESTAMPDIFF(SECOND, due_at, met_at)) END
WHERE target = 'RESPONSE' AND outcome <> 'BREACHED'
  AND case_id IN (SELECT id FROM support_case WHERE response_breached = TRUE);

UPDATE sla_record SET outcome = 'BREACHED', breached_at = COALESCE(breached_at, due_at),
       late_seconds = CASE WHEN met_at IS NULL THEN NULL ELSE GREATEST(0, TIMESTAMPDIFF(SECOND, due_at, met_at)) END
WHERE target = 'RESOLUTION' AND outcome <> 'BREACHED'
  AND case_id IN (SELECT id FROM support_case WHERE resolution_breached = TRUE);

-- 3. The time paused the case showed: a case waits on the customer only after an agent's answer, which meets the
--    response target, so its pauses are the resolution target's; where the case counted more, the record keeps it.
UPDATE sla_record SET paused_seconds = (SELECT c.sla_paused_seconds FROM support_case c WHERE c.id = sla_record.case_id)
WHERE target = 'RESOLUTION'
  AND paused_seconds < (SELECT c.sla_paused_seconds FROM support_case c WHERE c.id = sla_record.case_id);

-- The due dates of records that exist stay as they are: the records moved their deadlines with every pause as the
-- case did, except for a target already met or breached, whose deadline no longer moves.

ALTER TABLE support_case DROP COLUMN sla_calendar;
ALTER TABLE support_case DROP COLUMN response_due_at;
ALTER TABLE support_case DROP COLUMN resolution_due_at;
ALTER TABLE support_case DROP COLUMN response_breached;
ALTER TABLE support_case DROP COLUMN resolution_breached;
ALTER TABLE support_case DROP COLUMN sla_paused_seconds;
