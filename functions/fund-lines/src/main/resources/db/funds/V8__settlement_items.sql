-- Settlements down to the single meal and visit (笔笔可查): each settlement keeps the served meal orders
-- or completed visits behind its amount, written in its transaction and summing to it exactly. An item
-- is named by the order or booking id it pays for; insert-only, like the settlement itself.
create table funds.settlement_item (
  county          char(6) not null,
  settlement_key  text not null,
  item_ref        text not null check (length(item_ref) between 1 and 64),
  resident_id     text not null check (length(resident_id) between 1 and 64),
  served_on       date not null,
  amount_fen      bigint not null check (amount_fen between 1 and 100000000),
  -- no foreign key to funds.settlement: one would let TRUNCATE of the settlements fail on the reference
  -- before their insert-only trigger says why; the items are written in the settlement's transaction and
  -- proved by the hash its audit entry carries
  primary key (county, settlement_key, item_ref)
);
create index settlement_item_by_ref on funds.settlement_item (county, item_ref);

create trigger settlement_item_insert_only before update or delete on funds.settlement_item
  for each row execute function funds.refuse_change();
create trigger settlement_item_no_truncate before truncate on funds.settlement_item
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.settlement_item from public;

-- The one canonical form of a settlement's items, hashed: every column, one line per item in item_ref order.
create function funds.settlement_items_hash(in_county char(6), key text) returns text language sql stable as $$
  select encode(sha256(convert_to(coalesce(string_agg(concat_ws('|', i.item_ref, i.resident_id, i.served_on, i.amount_fen),
           E'\n' order by i.item_ref), ''), 'UTF8')), 'hex')
  from funds.settlement_item i where i.county = in_county and i.settlement_key = key
$$;
