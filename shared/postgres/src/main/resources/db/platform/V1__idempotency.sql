-- Idempotency records of every PostgreSQL-backed function. Written in the same transaction as
-- the business write they answer for; kept at least 24 h (expires_at), then overwritten.
create table platform.idempotency_record (
  function    text        not null,
  county      char(6)     not null,
  caller      text        not null,
  key         text        not null,
  fingerprint char(64)    not null,
  status      int         not null,
  body        text        not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  primary key (function, county, caller, key)
);
create index idempotency_record_expiry on platform.idempotency_record (expires_at);
