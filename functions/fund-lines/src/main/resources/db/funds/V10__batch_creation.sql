-- Creating a county-sized batch as a job (issue 16): POST /v1/batches answers 202 at once with the batch
-- CREATING; the post-batches job plans it (the resident cards), remembers the plan's count, total and hash,
-- then stages its items in steps (each a transaction recording its progress), and the last step makes the
-- batch: the batch row, its items moved from the stage in one INSERT ... SELECT, and its BATCH_CREATED
-- entry, all in one transaction. Until then no funds.batch row exists, so the audit trail and verify see
-- a batch only whole. A crash between steps leaves staged items and the progress that counts them; the
-- next run plans again, and carries on only if the plan is the one it began (same hash), else the
-- creation FAILS with PLAN_CHANGED and the month may be made again as a new attempt.
create table funds.batch_creation (
  batch_id           uuid primary key,
  county             char(6) not null,
  kind               text not null,
  fund_line_id       uuid not null references funds.fund_line (id),
  budget_account_id  uuid not null references funds.account (id),
  month              char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  attempt            smallint not null check (attempt between 1 and 20),
  policy_version     int not null check (policy_version >= 0),
  policy             text not null,
  maker              text not null,
  requested_at       timestamptz not null,
  -- the job's progress: like funds.batch_posting, the one mutable row of a creation
  state              text not null check (state in ('CREATING', 'CREATED', 'FAILED')),
  items_total        int check (items_total between 1 and 200000),
  total_fen          bigint check (total_fen >= 1),
  plan_hash          text check (length(plan_hash) = 64),
  items_done         int not null check (items_done between 0 and 200000),
  failure_code       text check (length(failure_code) between 1 and 60),
  updated_at         timestamptz not null,
  constraint batch_creation_attempt unique (county, kind, fund_line_id, month, attempt),
  constraint batch_creation_progress check (items_total is null and items_done = 0 or items_done <= items_total)
);
create index batch_creation_open on funds.batch_creation (county) where state = 'CREATING';
revoke delete, truncate on funds.batch_creation from public;

-- The items a creation has staged so far: the columns and checks of funds.batch_item, no foreign key to
-- the batch (it does not exist yet); emptied into funds.batch_item by the step that makes the batch.
create table funds.batch_item_staged (like funds.batch_item including defaults including constraints including indexes);
