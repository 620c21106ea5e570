-- Surveys the owner defines for links (/s/<id>): what they ask, which link fields go into an
-- answer's context, and whether each order may answer once.
CREATE TABLE link_surveys (
  id           text PRIMARY KEY,
  type         text NOT NULL CHECK (type IN ('nps', 'csat', 'ces')),
  question_en  text NOT NULL DEFAULT '',
  question_th  text NOT NULL DEFAULT '',
  context_keys jsonb NOT NULL DEFAULT '[]'::jsonb,
  single_use   boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Single-use links: the first answer for a survey and an order claims it. The primary key settles
-- two answers racing on two instances; deleting the answer (erase, retention) frees the order.
CREATE TABLE link_orders (
  survey_id  text NOT NULL REFERENCES link_surveys (id) ON DELETE CASCADE,
  order_key  text NOT NULL,
  answer_id  text NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (survey_id, order_key)
);
CREATE INDEX link_orders_answer_id ON link_orders (answer_id);

-- The shop's name and colour on the survey page and the printed posters: one row.
CREATE TABLE link_look (
  id        integer PRIMARY KEY CHECK (id = 1),
  shop_name text NOT NULL DEFAULT '',
  colour    text NOT NULL DEFAULT '#2563eb' CHECK (colour ~ '^#[0-9a-fA-F]{6}$')
);
