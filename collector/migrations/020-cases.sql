-- The inbox: every answer in the detractor band of its type is a case, opened in the same
-- transaction that stores the answer. A case belongs to its answer: erasing the answer (privacy,
-- retention) erases the case and its history with it.
CREATE TABLE cases (
  response_id  text PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'contacted', 'resolved')),
  -- When the customer answered: time to close is measured from the customer's side.
  opened_at    timestamptz NOT NULL,
  contacted_at timestamptz,
  contacted_by text,
  resolved_at  timestamptz,
  resolved_by  text,
  note         text,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX cases_state_opened_at ON cases (state, opened_at DESC, response_id DESC);
CREATE INDEX cases_opened_at ON cases (opened_at DESC, response_id DESC);

-- Who changed what, when: one row per state change or note.
CREATE TABLE case_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  response_id text NOT NULL REFERENCES cases (response_id) ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  from_state  text,
  to_state    text,
  note        text
);

CREATE INDEX case_events_response_id ON case_events (response_id, at);
