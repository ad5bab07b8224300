-- TokenGovernance tables beside the Quartz ones. Every statement creates only what is missing.

-- One row per audit of one target, written by whichever replica ran it. The payload (the serialized result)
-- is kept for the latest run and the latest successful run of each target; older rows keep their summary.
CREATE TABLE IF NOT EXISTS tokengov_audit_runs (
  id bigserial PRIMARY KEY,
  run_id uuid NOT NULL UNIQUE,
  target text NOT NULL,
  instance_id text NOT NULL,
  fire_instance_id text NULL,
  scheduled_fire_time timestamptz NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  outcome text NOT NULL,
  error text NULL,
  findings integer NOT NULL,
  payload bytea NULL
);
CREATE INDEX IF NOT EXISTS tokengov_audit_runs_latest ON tokengov_audit_runs (target, id DESC);
CREATE INDEX IF NOT EXISTS tokengov_audit_runs_latest_success ON tokengov_audit_runs (target, id DESC) WHERE outcome = 'success';
CREATE INDEX IF NOT EXISTS tokengov_audit_runs_finished ON tokengov_audit_runs (finished_at);

-- Findings history: one row per (target, rule, subject) per period it was open.
CREATE TABLE IF NOT EXISTS tokengov_findings_history (
  id bigserial PRIMARY KEY,
  target text NOT NULL,
  rule_id text NOT NULL,
  subject text NOT NULL,
  severity text NOT NULL,
  suppressed boolean NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  resolved_at timestamptz NULL
) WITH (fillfactor = 70);
CREATE UNIQUE INDEX IF NOT EXISTS tokengov_findings_history_open ON tokengov_findings_history (target, rule_id, subject) WHERE resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS tokengov_findings_history_resolved ON tokengov_findings_history (resolved_at) WHERE resolved_at IS NOT NULL;

-- Monotonic counts of findings opened and resolved, never pruned, so every replica exports the same counters.
CREATE TABLE IF NOT EXISTS tokengov_finding_counters (
  target text NOT NULL,
  rule_id text NOT NULL,
  opened bigint NOT NULL DEFAULT 0,
  resolved bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (target, rule_id)
);

-- Remediation journal of the worker (Remediation:Mode apply): one row per action, never updated, never pruned.
CREATE TABLE IF NOT EXISTS tokengov_remediation_journal (
  id bigserial PRIMARY KEY,
  time timestamptz NOT NULL,
  target text NOT NULL,
  token_id text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS tokengov_remediation_journal_token ON tokengov_remediation_journal (target, token_id, id);
