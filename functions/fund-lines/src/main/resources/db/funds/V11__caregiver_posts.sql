-- Caregiver post allowances (岗位津贴, issue 16): in the Huzhou bed-code scheme the bed code ties the certified
-- caregiver's post to the allowance. A caregiver of the county's care homes is registered once (the ID number and
-- the phone stored encrypted and bound to the row, matched by a keyed index, kept masked for answers), assigned to
-- coded beds over periods (insert-only like occupancy: an assignment changes once, when it is ended), and paid
-- monthly by a CAREGIVER_POST batch for each day they were assigned to a bed that was occupied while their
-- certificate was valid, at the county's rate for their certificate level in force that day.
create table funds.caregiver (
  id                   uuid primary key,
  county               char(6) not null,
  name                 text not null check (length(name) between 1 and 30),
  id_number_protected  bytea not null,
  id_number_index      bytea not null,
  id_number_masked     text not null check (length(id_number_masked) = 18),
  phone_protected      bytea not null,
  phone_masked         text not null check (length(phone_masked) between 11 and 20),
  certificate_level    text not null check (certificate_level in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN')),
  certificate_number   text not null check (certificate_number ~ '^[0-9A-Za-z-]{4,40}$'),
  -- both days count: a certificate printed 有效期 2024-06-01 至 2029-05-31 is valid on the 31st
  certificate_from     date not null,
  certificate_until    date not null check (certificate_until >= certificate_from),
  registered_by        text not null,
  registered_at        timestamptz not null,
  constraint caregiver_one_per_person unique (county, id_number_index)
);
create index caregiver_by_county on funds.caregiver (county, name, id);

-- A caregiver on a bed over [from, until): the first day counts, the end day does not, as for occupancy.
create table funds.caregiver_assignment (
  id            uuid primary key,
  county        char(6) not null,
  caregiver_id  uuid not null references funds.caregiver (id),
  bed_id        uuid not null references funds.bed (id),
  during        daterange not null check (not isempty(during) and not lower_inf(during)),
  assigned_by   text not null,
  assigned_at   timestamptz not null,
  ended_by      text,
  ended_at      timestamptz,
  constraint caregiver_assignment_one_per_bed exclude using gist (bed_id with =, during with &&)
);
create index caregiver_assignment_by_caregiver on funds.caregiver_assignment (caregiver_id, lower(during));
create index caregiver_assignment_by_county on funds.caregiver_assignment using gist (county, during);

create trigger caregiver_insert_only before update or delete on funds.caregiver
  for each row execute function funds.refuse_change();
create trigger caregiver_no_truncate before truncate on funds.caregiver
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.caregiver from public;

-- An assignment changes once: its open end is closed, and nothing else about it changes.
create function funds.caregiver_assignment_end_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and upper_inf(old.during) and not upper_inf(new.during)
     and lower(new.during) = lower(old.during) and old.ended_by is null
     and new.ended_by is not null and new.ended_at is not null
     and (new.id, new.county, new.caregiver_id, new.bed_id, new.assigned_by, new.assigned_at)
         is not distinct from (old.id, old.county, old.caregiver_id, old.bed_id, old.assigned_by, old.assigned_at) then
    return new;
  end if;
  raise exception 'funds.caregiver_assignment changes only by one end' using errcode = 'P0001';
end $$;
create trigger caregiver_assignment_end_only before update or delete on funds.caregiver_assignment
  for each row execute function funds.caregiver_assignment_end_only();
create trigger caregiver_assignment_no_truncate before truncate on funds.caregiver_assignment
  for each statement execute function funds.refuse_change();
revoke delete, truncate on funds.caregiver_assignment from public;

-- The new batch kind, its policy (the daily rate per certificate level), its cause and its payee type.
alter table funds.batch_policy drop constraint batch_policy_kind_check;
alter table funds.batch_policy add constraint batch_policy_kind_check check (kind in ('ALLOWANCE', 'BED', 'CAREGIVER_POST'));
alter table funds.batch drop constraint batch_kind_check;
alter table funds.batch add constraint batch_kind_check check (kind in ('ALLOWANCE', 'BED', 'CAREGIVER_POST'));
alter table funds.batch_item drop constraint batch_item_cause_type_check;
alter table funds.batch_item add constraint batch_item_cause_type_check check (cause_type in ('ALLOWANCE', 'BED', 'CAREGIVER_POST'));
alter table funds.batch_item_staged drop constraint batch_item_cause_type_check;
alter table funds.batch_item_staged add constraint batch_item_cause_type_check
  check (cause_type in ('ALLOWANCE', 'BED', 'CAREGIVER_POST'));
alter table funds.transfer drop constraint transfer_cause_type_check;
alter table funds.transfer add constraint transfer_cause_type_check
  check (cause_type in ('BED', 'MEAL', 'BOOKING', 'ALLOWANCE', 'CAREGIVER_POST', 'OTHER'));
alter table funds.account drop constraint account_payee_type_check;
alter table funds.account add constraint account_payee_type_check
  check (payee_type in ('INSTITUTION', 'MEAL_POINT', 'PROVIDER', 'RESIDENT', 'CAREGIVER', 'OTHER'));

-- Payout accounts of caregivers beside residents': resident_id names the payee of the payee type.
alter table funds.payout_account add column payee_type text not null default 'RESIDENT'
  check (payee_type in ('RESIDENT', 'CAREGIVER'));
alter table funds.payout_account drop constraint payout_account_pkey;
alter table funds.payout_account add primary key (county, payee_type, resident_id, version);

-- A caregiver item's detail: each assignment it paid for at each rate version, so a transfer's trace reaches the
-- caregiver, the beds and the rate applied.
create table funds.batch_item_post (
  batch_id           uuid not null,
  seq                int not null,
  assignment_id      uuid not null references funds.caregiver_assignment (id),
  caregiver_id       uuid not null references funds.caregiver (id),
  bed_code           text not null,
  certificate_level  text not null,
  rate_version       int not null check (rate_version >= 0),
  days               int not null check (days between 1 and 31),
  daily_rate_fen     bigint not null check (daily_rate_fen >= 1),
  amount_fen         bigint not null check (amount_fen >= 1),
  primary key (batch_id, seq, assignment_id, rate_version),
  foreign key (batch_id, seq) references funds.batch_item (batch_id, seq)
);
create trigger batch_item_post_insert_only before update or delete on funds.batch_item_post
  for each row execute function funds.refuse_change();
create trigger batch_item_post_no_truncate before truncate on funds.batch_item_post
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.batch_item_post from public;
