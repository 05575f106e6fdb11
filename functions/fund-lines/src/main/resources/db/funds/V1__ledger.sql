-- Fund lines (养老资金监管): a double-entry ledger in fen. Transfers, their approvals and their
-- resolutions are insert-only, and so is the hash-chained audit trail: nobody, the application's
-- role included, can UPDATE, DELETE or TRUNCATE them (triggers below). Balances are the one
-- mutable thing, a guarded cache of the transfers that verification recomputes.
create schema if not exists funds;

create table funds.county_setting (
  county                   char(6) primary key,
  dual_approval_above_fen  bigint not null check (dual_approval_above_fen >= 0),
  pending_expiry_hours     int not null check (pending_expiry_hours between 1 and 2160),
  changed_by               text not null,
  changed_at               timestamptz not null
);

create table funds.fund_line (
  id          uuid primary key,
  county      char(6) not null,
  code        text not null check (code ~ '^[A-Z_]{2,30}$'),
  name        text not null,
  created_at  timestamptz not null,
  constraint fund_line_code unique (county, code)
);

create table funds.account (
  id            uuid primary key,
  county        char(6) not null,
  fund_line_id  uuid not null references funds.fund_line (id),
  kind          text not null check (kind in ('SOURCE', 'BUDGET', 'PAYEE')),
  fiscal_year   int check (fiscal_year between 2000 and 2100),
  payee_type    text check (payee_type in ('INSTITUTION', 'MEAL_POINT', 'PROVIDER', 'RESIDENT', 'OTHER')),
  payee_ref     text check (length(payee_ref) between 1 and 64),
  name          text not null,
  created_at    timestamptz not null,
  check ((kind = 'BUDGET') = (fiscal_year is not null)),
  check ((kind = 'PAYEE') = (payee_type is not null and payee_ref is not null))
);
create unique index account_one_source on funds.account (fund_line_id) where kind = 'SOURCE';
create unique index account_one_budget on funds.account (fund_line_id, fiscal_year) where kind = 'BUDGET';
create unique index account_one_payee on funds.account (fund_line_id, payee_type, payee_ref) where kind = 'PAYEE';
create index account_by_county on funds.account (county, fund_line_id);

-- Posted and pending debits and credits per account. Every account but a line's SOURCE has a floor:
-- what it has paid and reserved never exceeds what it has received.
create table funds.account_balance (
  account_id       uuid primary key references funds.account (id),
  floor_enforced   boolean not null,
  debits_pending   bigint not null default 0 check (debits_pending >= 0),
  debits_posted    bigint not null default 0 check (debits_posted >= 0),
  credits_pending  bigint not null default 0 check (credits_pending >= 0),
  credits_posted   bigint not null default 0 check (credits_posted >= 0),
  constraint account_balance_floor check (not floor_enforced or debits_posted + debits_pending <= credits_posted)
);

create table funds.transfer (
  id                  uuid primary key,
  county              char(6) not null,
  client_key          text not null,
  fund_line_id        uuid not null references funds.fund_line (id),
  debit_account_id    uuid not null references funds.account (id),
  credit_account_id   uuid not null references funds.account (id),
  amount_fen          bigint not null check (amount_fen between 1 and 100000000000),
  kind                text not null check (kind in ('APPROPRIATION', 'PAYMENT', 'REVERSAL')),
  reverses_id         uuid references funds.transfer (id),
  cause_type          text check (cause_type in ('BED', 'MEAL', 'BOOKING', 'ALLOWANCE', 'OTHER')),
  cause_ref           text check (length(cause_ref) between 1 and 200),
  memo                text check (length(memo) <= 200),
  maker               text not null,
  required_approvals  smallint not null check (required_approvals between 1 and 2),
  created_at          timestamptz not null,
  expires_at          timestamptz not null,
  check (debit_account_id <> credit_account_id),
  check ((kind = 'REVERSAL') = (reverses_id is not null)),
  constraint transfer_client_key unique (county, client_key)
);
create index transfer_by_county on funds.transfer (county, created_at);
create index transfer_by_debit on funds.transfer (debit_account_id);
create index transfer_by_credit on funds.transfer (credit_account_id);
create index transfer_by_original on funds.transfer (reverses_id) where reverses_id is not null;

create table funds.transfer_approval (
  transfer_id  uuid not null references funds.transfer (id),
  approver     text not null,
  approved_at  timestamptz not null,
  primary key (transfer_id, approver)
);

-- Exactly one resolution per transfer: the primary key makes one of any racing approve/void win.
create table funds.transfer_resolution (
  transfer_id  uuid primary key references funds.transfer (id),
  county       char(6) not null,
  outcome      text not null check (outcome in ('POSTED', 'REJECTED', 'VOIDED', 'EXPIRED')),
  resolved_by  text not null,
  reason       text check (length(reason) <= 200),
  resolved_at  timestamptz not null
);

-- The audit trail: per county, entry n carries hash = SHA-256(hash of n-1 ‖ canonical entry n).
create table funds.audit_entry (
  county        char(6) not null,
  seq           bigint not null check (seq >= 1),
  at            timestamptz not null,
  actor         text not null,
  action        text not null,
  subject_type  text not null,
  subject_id    text not null,
  payload       text not null,
  prev_hash     char(64) not null,
  hash          char(64) not null,
  primary key (county, seq)
);
create index audit_by_subject on funds.audit_entry (county, subject_id);

create function funds.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'funds.% is insert-only: corrections are new records that name the old', tg_table_name
    using errcode = 'P0001';
end $$;

do $$
declare t text;
begin
  foreach t in array array['fund_line', 'account', 'transfer', 'transfer_approval', 'transfer_resolution', 'audit_entry']
  loop
    execute format('create trigger %I before update or delete on funds.%I for each row execute function funds.refuse_change()',
                   t || '_insert_only', t);
    execute format('create trigger %I before truncate on funds.%I for each statement execute function funds.refuse_change()',
                   t || '_no_truncate', t);
    execute format('revoke update, delete, truncate on funds.%I from public', t);
  end loop;
end $$;
