-- Visits flagged far too short are held out of the provider's settlement until an officer decides:
-- RELEASED (paid by the provider's next settlement, once) or REJECTED (never paid). One decision per
-- visit for ever (primary key), with its reason, insert-only and audited.
create table funds.visit_decision (
  county       char(6) not null,
  booking_id   uuid not null,
  provider_id  uuid not null,
  decision     text not null check (decision in ('RELEASED', 'REJECTED')),
  reason       text not null check (length(reason) between 1 and 200),
  decided_by   text not null,
  decided_at   timestamptz not null,
  primary key (county, booking_id)
);
create index visit_decision_released on funds.visit_decision (county, provider_id) where decision = 'RELEASED';

create trigger visit_decision_insert_only before update or delete on funds.visit_decision
  for each row execute function funds.refuse_change();
create trigger visit_decision_no_truncate before truncate on funds.visit_decision
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.visit_decision from public;

-- A settlement whose transfer was rejected or expired is settled again under a new key, <key>:r<attempt>,
-- naming the one it settles again; the first settlement of a key names none.
alter table funds.settlement add column supersedes text check (length(supersedes) between 1 and 200);
alter table funds.settlement add column base_key text check (length(base_key) between 1 and 200);
create unique index settlement_supersedes_once on funds.settlement (county, supersedes) where supersedes is not null;
