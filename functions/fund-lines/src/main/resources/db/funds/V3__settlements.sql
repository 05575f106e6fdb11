-- Settlements (结算): what the other functions report served or completed becomes transfers from the
-- matching fund line's budget to the payee. One row per settlement key — (meal point, day) or
-- (provider, month) — written only if absent, in the same transaction as its transfer, whose client
-- key is that same settlement key: a key is settled once, whoever runs it and however often.
-- Insert-only, like the ledger.
create table funds.settlement (
  county            char(6) not null,
  settlement_key    text not null check (length(settlement_key) between 1 and 200),
  kind              text not null check (kind in ('MEAL', 'BOOKING')),
  period            text not null check (period ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
  payee_ref         text not null check (length(payee_ref) between 1 and 64),
  -- served meals (MEAL) or completed subsidised bookings (BOOKING), and how many of them were subsidised
  units             bigint not null check (units >= 0),
  subsidised_units  bigint not null check (subsidised_units between 0 and units),
  amount_fen        bigint not null check (amount_fen between 1 and 100000000000),
  settled_by        text not null,
  settled_at        timestamptz not null,
  primary key (county, settlement_key),
  -- the transfer is inserted after the settlement row, in the same transaction
  constraint settlement_transfer foreign key (county, settlement_key)
    references funds.transfer (county, client_key) deferrable initially deferred
);
create index settlement_by_period on funds.settlement (county, kind, period);

create trigger settlement_insert_only before update or delete on funds.settlement
  for each row execute function funds.refuse_change();
create trigger settlement_no_truncate before truncate on funds.settlement
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.settlement from public;
