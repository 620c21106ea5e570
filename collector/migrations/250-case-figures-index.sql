-- The inbox's figures (cases per state, overdue, the median time to close) over a date range read
-- this index alone (an index-only scan), not the cases table with its notes and contact columns:
-- over a year of cases, most of that request's time was reading the table.
CREATE INDEX cases_figures ON cases (opened_at) INCLUDE (state, due_at, resolved_at);
