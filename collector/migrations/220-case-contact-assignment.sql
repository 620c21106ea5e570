-- The inbox acts on what the customer left.
-- How the customer said to reach them (payload `contactVia`: { phone?, email?, line? }, only with
-- contact consent), as the receiver kit checked it. Also kept in `payload`, as received.
ALTER TABLE responses ADD COLUMN contact_via jsonb;
-- A person's data is found by an email they left here too (privacy export and erase by email).
CREATE INDEX responses_contact_via_email ON responses ((lower(contact_via->>'email')));

-- Who on the team looks after a case (an owner or staff account); NULL: nobody yet. Removing the
-- account leaves its cases unassigned.
ALTER TABLE cases ADD COLUMN assignee text REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX cases_assignee ON cases (assignee, opened_at DESC, response_id DESC);
-- When the customer should have been contacted: set when the case opens (the answer's time plus
-- `caseDueHours()`); an open case past it is overdue.
ALTER TABLE cases ADD COLUMN due_at timestamptz;
UPDATE cases SET due_at = opened_at + interval '48 hours';
ALTER TABLE cases ALTER COLUMN due_at SET NOT NULL;
-- When the overdue alert was queued: once per case, never again (also when it is reopened).
ALTER TABLE cases ADD COLUMN overdue_alerted_at timestamptz;
CREATE INDEX cases_overdue_due ON cases (due_at) WHERE state = 'open' AND overdue_alerted_at IS NULL;

-- An alert is about an answer (`answer`) or about its case having gone overdue (`overdue`): each
-- reaches each channel once.
ALTER TABLE alert_deliveries ADD COLUMN kind text NOT NULL DEFAULT 'answer' CHECK (kind IN ('answer', 'overdue'));
ALTER TABLE alert_deliveries DROP CONSTRAINT alert_deliveries_answer_id_channel_id_key;
CREATE UNIQUE INDEX alert_deliveries_answer_channel_kind ON alert_deliveries (answer_id, channel_id, kind);

-- The history records who assigned a case to whom (the account's email as it was then; '' for
-- "nobody").
ALTER TABLE case_events ADD COLUMN assigned_to text;
