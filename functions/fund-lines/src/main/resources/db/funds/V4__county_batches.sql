-- Batches of a whole county (issue 16): up to 200,000 items, created and posted with set-based SQL.
-- A batch's items are proved by one hash over them, in its BATCH_CREATED audit entry; the transfers a
-- posting makes carry the batch's id and are proved against its items (not one audit entry each),
-- and the BATCH_POSTED entry carries a hash over them. Posting is a job of steps, each its own
-- transaction: the steps make the items' transfers PENDING (the budget was reserved once, whole,
-- by the completing approval), and the last step posts all of them at once.
alter table funds.batch drop constraint batch_item_count_check;
alter table funds.batch add constraint batch_item_count_check check (item_count between 1 and 200000);
alter table funds.batch_item drop constraint batch_item_seq_check;
alter table funds.batch_item add constraint batch_item_seq_check check (seq between 1 and 200000);
-- the resident's street, for the batch report's per-street breakdown (null for an institution)
alter table funds.batch_item add column street_code text check (length(street_code) between 1 and 20);

alter table funds.transfer add column batch_id uuid references funds.batch (id);
create index transfer_by_batch on funds.transfer (batch_id) where batch_id is not null;

-- The posting job's progress: the one mutable batch table (like the balances, a cache of what the
-- ledger holds). A row exists from the approval that completes the batch.
create table funds.batch_posting (
  batch_id     uuid primary key references funds.batch (id),
  county       char(6) not null,
  approvers    text not null,
  items_total  int not null check (items_total between 1 and 200000),
  items_done   int not null check (items_done between 0 and items_total),
  state        text not null check (state in ('POSTING', 'POSTED')),
  approved_at  timestamptz not null,
  updated_at   timestamptz not null
);
create index batch_posting_open on funds.batch_posting (county) where state = 'POSTING';
revoke delete, truncate on funds.batch_posting from public;

-- The one canonical form of a batch's items, hashed: every column, one line per item in seq order.
create function funds.batch_items_hash(batch uuid) returns text language sql stable as $$
  select encode(sha256(convert_to(coalesce(string_agg(concat_ws('|', i.seq, i.payee_account_id, i.client_key, i.amount_fen,
           i.cause_type, i.cause_ref, coalesce(i.resident_id, '-'), coalesce(i.age::text, '-'), coalesce(i.band, '-'),
           coalesce(i.bed_days::text, '-'), coalesce(i.street_code, '-')), E'\n' order by i.seq), ''), 'UTF8')), 'hex')
  from funds.batch_item i where i.batch_id = batch
$$;

-- The transfers a posted batch made, hashed the same way: item seq, transfer id, its time.
create function funds.batch_transfers_hash(batch uuid) returns text language sql stable as $$
  select encode(sha256(convert_to(coalesce(string_agg(concat_ws('|', i.seq, t.id, to_char(t.created_at at time zone 'UTC',
           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), E'\n' order by i.seq), ''), 'UTF8')), 'hex')
  from funds.batch_item i join funds.transfer t on t.batch_id = i.batch_id and t.client_key = i.client_key
  where i.batch_id = batch
$$;
