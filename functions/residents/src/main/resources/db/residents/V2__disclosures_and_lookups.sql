-- Issue 13: every disclosure of a resident's personal data, in one append-only log: the officers' full
-- identity reads (formerly residents.pii_disclosure) and every hotline look-up (by phone, landline, ID
-- number or name), with who asked, when, how and which residents matched. Nobody, the application's own
-- connection included, may UPDATE, DELETE or TRUNCATE it (triggers, as the fund tables).
create table residents.disclosure (
  id            uuid        primary key,
  county        char(6)     not null,
  disclosed_at  timestamptz not null,
  actor         text        not null,
  kind          text        not null check (kind in ('IDENTITY', 'LOOKUP')),
  method        text        not null check (method in ('IDENTITY', 'PHONE', 'LANDLINE', 'ID_NUMBER',
                                                       'NAME_BIRTH_YEAR', 'NAME_STREET')),
  reason        text,
  request_id    text        not null,
  -- the matched residents' ids, comma-separated ('' when none matched); at most 20 (a look-up's page)
  resident_ids  text        not null,
  check ((kind = 'IDENTITY') = (method = 'IDENTITY')),
  check ((kind = 'IDENTITY') = (reason is not null))
);
create index disclosure_by_time on residents.disclosure (county, disclosed_at desc, id);
create index disclosure_by_actor on residents.disclosure (county, actor, disclosed_at desc);

insert into residents.disclosure (id, county, disclosed_at, actor, kind, method, reason, request_id, resident_ids)
  select id, county, disclosed_at, officer, 'IDENTITY', 'IDENTITY', reason, request_id, resident_id::text
  from residents.pii_disclosure;
drop table residents.pii_disclosure;

create function residents.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'residents.% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger disclosure_append_only before update or delete on residents.disclosure
  for each row execute function residents.refuse_change();
create trigger disclosure_no_truncate before truncate on residents.disclosure
  for each statement execute function residents.refuse_change();
revoke update, delete, truncate on residents.disclosure from public;

-- The look-up budget of each caller: one guarded counter per clock hour and per day (Asia/Shanghai),
-- incremented only while below the limit (insert … on conflict … where used < limit), in the look-up's
-- transaction: a refused look-up consumes nothing, and concurrent look-ups never pass the limit.
create table residents.lookup_budget (
  county        char(6)     not null,
  actor         text        not null,
  window_kind   text        not null check (window_kind in ('HOUR', 'DAY')),
  window_start  timestamptz not null,
  used          int         not null check (used >= 0),
  primary key (county, actor, window_kind, window_start)
);

-- The operators' name search: exact name within the county, then birth year or street.
create index resident_by_name on residents.resident (county, name);
