-- The identity store: staff accounts, their sign-in guard, and refresh tokens.
-- PostgreSQL (not DynamoDB): the staff registry is relational (roles, organisations, officers'
-- edits), and a refresh-token rotation is a row lock plus two writes in one transaction, which
-- makes "fifty concurrent refreshes, one rotation" a plain SELECT ... FOR UPDATE.
create schema if not exists identity;

create table identity.staff_account (
  id               uuid        primary key,
  county           char(6)     not null,
  name             text        not null check (char_length(name) between 1 and 50),
  phone_enc        bytea       not null,
  phone_index      bytea       not null,
  phone_masked     text        not null,
  password_hash    text        not null,
  roles            text        not null,
  org              text        not null,
  status           text        not null check (status in ('ACTIVE', 'DISABLED')),
  totp_secret_enc  bytea,
  totp_enabled     boolean     not null default false,
  totp_last_step   bigint      not null default 0,
  version          int         not null,
  created_at       timestamptz not null,
  created_by       text        not null,
  updated_at       timestamptz not null,
  unique (county, phone_index)
);

-- Tries per phone, whether or not an account holds it: a lockout says nothing about existence.
create table identity.sign_in_guard (
  county        char(6)     not null,
  phone_index   bytea       not null,
  failures      int         not null check (failures >= 0),
  locked_until  timestamptz,
  primary key (county, phone_index)
);

create table identity.refresh_token (
  id               uuid        primary key,
  county           char(6)     not null,
  family_id        uuid        not null,
  token_hash       bytea       not null unique,
  subject          text        not null,
  subject_kind     text        not null check (subject_kind in ('STAFF', 'RESIDENT', 'FAMILY', 'VOLUNTEER')),
  issued_at        timestamptz not null,
  expires_at       timestamptz not null,
  spent_at         timestamptz,
  rotation_sealed  bytea,
  revoked_at       timestamptz,
  check ((spent_at is null) = (rotation_sealed is null))
);
create index refresh_token_family on identity.refresh_token (family_id);
create index refresh_token_subject on identity.refresh_token (county, subject_kind, subject) where revoked_at is null;
