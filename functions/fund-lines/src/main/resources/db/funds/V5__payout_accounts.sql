-- Payout accounts (issue 16): where a resident's allowance is paid, a bank card or a social-security-card
-- account. Personal data: the number is stored AES-256-GCM-encrypted (bound to the row), shown masked, with
-- a keyed index for matching; changed only by officers, each change a new version with its reason, never
-- an update. The highest version is the one in force.
create table funds.payout_account (
  county             char(6) not null,
  resident_id        text not null check (length(resident_id) between 1 and 64),
  version            int not null check (version between 1 and 1000),
  kind               text not null check (kind in ('BANK_CARD', 'SSC_ACCOUNT')),
  bank_code          text not null check (bank_code ~ '^[0-9A-Z]{2,12}$'),
  account_protected  bytea not null,
  account_index      bytea not null,
  account_masked     text not null check (length(account_masked) between 12 and 30),
  holder_name        text not null check (length(holder_name) between 1 and 30),
  reason             text not null check (length(reason) between 1 and 200),
  changed_by         text not null,
  changed_at         timestamptz not null,
  primary key (county, resident_id, version)
);

create trigger payout_account_insert_only before update or delete on funds.payout_account
  for each row execute function funds.refuse_change();
create trigger payout_account_no_truncate before truncate on funds.payout_account
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.payout_account from public;
