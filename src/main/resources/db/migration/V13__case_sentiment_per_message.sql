-- every customer message is scored: the case keeps the latest score and the worst one besides the score at triage
-- (sentiment, which the priority was decided on and the policy simulation replays)
ALTER TABLE support_case ADD COLUMN latest_sentiment DOUBLE;
ALTER TABLE support_case ADD COLUMN worst_sentiment DOUBLE;
UPDATE support_case SET latest_sentiment = sentiment, worst_sentiment = sentiment;
