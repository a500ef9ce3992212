-- automated: casedesk answered the case itself (automatic-answer table) and it waited for the customer's confirmation
-- like any resolution; it stays true when the customer then says "still broken", so the automatic answers' first
-- contact resolution can be counted. possible_duplicate_of: the open case of the same customer and problem found at
-- intake. merged_into: the case a merged case (status merged) went into.
ALTER TABLE support_case ADD COLUMN automated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE support_case ADD COLUMN possible_duplicate_of VARCHAR(32);
ALTER TABLE support_case ADD COLUMN merged_into VARCHAR(32);
