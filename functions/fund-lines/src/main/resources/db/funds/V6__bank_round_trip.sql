-- The bank round trip of a posted batch (社会化发放, 代发): the bank's return files, each imported once
-- (keyed by its SHA-256), and each item's outcome, one for ever. A FAILED item's money goes back to the
-- budget by a REVERSAL transfer naming the item's transfer, and the next batch of the kind offers the
-- payment again under a key of its own.
create table funds.bank_return_file (
  batch_id     uuid not null references funds.batch (id),
  file_hash    char(64) not null,
  county       char(6) not null,
  lines        int not null check (lines between 1 and 200000),
  paid         int not null check (paid >= 0),
  failed       int not null check (failed >= 0),
  unchanged    int not null check (unchanged >= 0),
  imported_by  text not null,
  imported_at  timestamptz not null,
  primary key (batch_id, file_hash)
);

create table funds.bank_return_item (
  batch_id     uuid not null,
  seq          int not null,
  county       char(6) not null,
  transfer_id  uuid not null references funds.transfer (id),
  outcome      text not null check (outcome in ('PAID', 'FAILED')),
  reason       text check (length(reason) <= 200),
  reversal_id  uuid references funds.transfer (id),
  file_hash    char(64) not null,
  recorded_at  timestamptz not null,
  primary key (batch_id, seq),
  foreign key (batch_id, seq) references funds.batch_item (batch_id, seq),
  check ((outcome = 'FAILED') = (reversal_id is not null))
);
create index bank_return_failed on funds.bank_return_item (county) where outcome = 'FAILED';

do $$
declare t text;
begin
  foreach t in array array['bank_return_file', 'bank_return_item']
  loop
    execute format('create trigger %I before update or delete on funds.%I for each row execute function funds.refuse_change()',
                   t || '_insert_only', t);
    execute format('create trigger %I before truncate on funds.%I for each statement execute function funds.refuse_change()',
                   t || '_no_truncate', t);
    execute format('revoke update, delete, truncate on funds.%I from public', t);
  end loop;
end $$;
