-- Batches (the monthly 高龄津贴, the 一床一码 operating subsidy) and beds. A batch is insert-only like
-- the ledger: DRAFT is a batch row with no resolution; approvals, and the one resolution (POSTED,
-- REFUSED, CANCELLED), are new rows. Beds and policies are insert-only too; an occupancy changes once,
-- when the resident is discharged (a trigger allows nothing else).
create extension if not exists btree_gist;

-- Versioned subsidy policies (age bands; the daily bed rate and care-level uplifts): the highest
-- version is in force, and a batch copies the policy it applied.
create table funds.batch_policy (
  county      char(6) not null,
  kind        text not null check (kind in ('ALLOWANCE', 'BED')),
  version     int not null check (version >= 1),
  body        text not null check (length(body) <= 4000),
  changed_by  text not null,
  changed_at  timestamptz not null,
  primary key (county, kind, version)
);

create table funds.batch (
  id                  uuid primary key,
  county              char(6) not null,
  kind                text not null check (kind in ('ALLOWANCE', 'BED')),
  fund_line_id        uuid not null references funds.fund_line (id),
  budget_account_id   uuid not null references funds.account (id),
  month               char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  attempt             smallint not null check (attempt between 1 and 20),
  policy_version      int not null check (policy_version >= 0),
  policy              text not null,
  item_count          int not null check (item_count between 1 and 1000),
  total_fen           bigint not null check (total_fen >= 1),
  required_approvals  smallint not null check (required_approvals between 1 and 2),
  maker               text not null,
  created_at          timestamptz not null,
  -- a month's batch is retried only as a new attempt, after the earlier one was refused or cancelled
  constraint batch_attempt unique (county, kind, fund_line_id, month, attempt)
);
create index batch_by_county on funds.batch (county, month);

create table funds.batch_item (
  batch_id          uuid not null references funds.batch (id),
  seq               int not null check (seq between 1 and 1000),
  payee_account_id  uuid not null references funds.account (id),
  -- the item's transfer is made under this key at posting: one payment per resident (or institution) and month, for ever
  client_key        text not null,
  amount_fen        bigint not null check (amount_fen between 1 and 100000000000),
  cause_type        text not null check (cause_type in ('ALLOWANCE', 'BED')),
  cause_ref         text not null check (length(cause_ref) between 1 and 200),
  resident_id       text check (length(resident_id) between 1 and 64),
  age               smallint check (age between 0 and 150),
  band              text check (length(band) <= 20),
  bed_days          int check (bed_days >= 0),
  primary key (batch_id, seq),
  constraint batch_item_key unique (batch_id, client_key)
);

create table funds.batch_approval (
  batch_id     uuid not null references funds.batch (id),
  approver     text not null,
  approved_at  timestamptz not null,
  primary key (batch_id, approver)
);

-- Exactly one resolution per batch: the primary key makes one of any racing approvals or cancellations win.
create table funds.batch_resolution (
  batch_id      uuid primary key references funds.batch (id),
  county        char(6) not null,
  outcome       text not null check (outcome in ('POSTED', 'REFUSED', 'CANCELLED')),
  resolved_by   text not null,
  failed_seq    int,
  failure_code  text check (failure_code in ('INSUFFICIENT_FUNDS', 'ALREADY_PAID')),
  reason        text check (length(reason) <= 300),
  resolved_at   timestamptz not null,
  check ((outcome = 'REFUSED') = (failure_code is not null and failed_seq is not null))
);

-- 一床一码: a bed of an institution (an INSTITUTION payee account of the institution-subsidy line).
create table funds.bed (
  id                      uuid primary key,
  county                  char(6) not null,
  institution_account_id  uuid not null references funds.account (id),
  code                    text not null check (code ~ '^[A-Z0-9-]{3,40}$'),
  bed_type                text not null check (bed_type in ('STANDARD', 'NURSING', 'DEMENTIA', 'HOSPICE')),
  care_level              text not null check (care_level in ('NONE', 'MILD', 'MODERATE', 'SEVERE')),
  registered_by           text not null,
  registered_at           timestamptz not null,
  constraint bed_code unique (county, code)
);
create index bed_by_institution on funds.bed (institution_account_id, code);

-- A resident in a bed over [admitted on, discharged on): the admission day counts, the discharge day
-- does not, so a bed freed in the morning can be taken the same day and no day is paid twice.
create table funds.occupancy (
  id             uuid primary key,
  county         char(6) not null,
  bed_id         uuid not null references funds.bed (id),
  resident_id    text not null check (length(resident_id) between 1 and 64),
  care_level     text not null check (care_level in ('NONE', 'MILD', 'MODERATE', 'SEVERE')),
  during         daterange not null check (not isempty(during) and not lower_inf(during)),
  admitted_by    text not null,
  admitted_at    timestamptz not null,
  discharged_by  text,
  discharged_at  timestamptz,
  constraint occupancy_one_resident_per_bed exclude using gist (bed_id with =, during with &&),
  constraint occupancy_one_bed_per_resident exclude using gist (county with =, resident_id with =, during with &&)
);
create index occupancy_by_county on funds.occupancy using gist (county, during);

-- A bed item's detail: each occupancy it paid for, so a transfer's trace reaches the bed and the resident.
create table funds.batch_item_bed (
  batch_id        uuid not null,
  seq             int not null,
  occupancy_id    uuid not null references funds.occupancy (id),
  bed_code        text not null,
  resident_id     text not null,
  care_level      text not null,
  days            int not null check (days between 1 and 31),
  daily_rate_fen  bigint not null check (daily_rate_fen >= 1),
  uplift_percent  int not null check (uplift_percent between 0 and 500),
  amount_fen      bigint not null check (amount_fen >= 1),
  primary key (batch_id, seq, occupancy_id),
  foreign key (batch_id, seq) references funds.batch_item (batch_id, seq)
);

do $$
declare t text;
begin
  foreach t in array array['batch_policy', 'batch', 'batch_item', 'batch_approval', 'batch_resolution', 'bed', 'batch_item_bed']
  loop
    execute format('create trigger %I before update or delete on funds.%I for each row execute function funds.refuse_change()',
                   t || '_insert_only', t);
    execute format('create trigger %I before truncate on funds.%I for each statement execute function funds.refuse_change()',
                   t || '_no_truncate', t);
    execute format('revoke update, delete, truncate on funds.%I from public', t);
  end loop;
end $$;

-- An occupancy changes once: its open end is closed by a discharge, and nothing else about it changes.
create function funds.occupancy_discharge_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and upper_inf(old.during) and not upper_inf(new.during)
     and lower(new.during) = lower(old.during) and old.discharged_by is null
     and new.discharged_by is not null and new.discharged_at is not null
     and (new.id, new.county, new.bed_id, new.resident_id, new.care_level, new.admitted_by, new.admitted_at)
         is not distinct from (old.id, old.county, old.bed_id, old.resident_id, old.care_level, old.admitted_by, old.admitted_at) then
    return new;
  end if;
  raise exception 'funds.occupancy changes only by one discharge' using errcode = 'P0001';
end $$;
create trigger occupancy_discharge_only before update or delete on funds.occupancy
  for each row execute function funds.occupancy_discharge_only();
create trigger occupancy_no_truncate before truncate on funds.occupancy
  for each statement execute function funds.refuse_change();
revoke delete, truncate on funds.occupancy from public;
