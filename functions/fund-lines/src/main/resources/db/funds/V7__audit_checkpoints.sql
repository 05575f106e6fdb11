-- Signed checkpoints of a county's audit chain: "entries 1..seq were verified and entry seq's hash
-- was this", signed (Ed25519) by the fund-lines function's checkpoint key. A verification starts at
-- the newest checkpoint whose signature holds and walks only the entries after it. Insert-only,
-- as the trail itself: a checkpoint is never changed, a bad one is reported and passed over.
create table funds.audit_checkpoint (
  county     char(6) not null,
  seq        bigint not null check (seq >= 1),
  hash       char(64) not null,
  at         timestamptz not null,
  key_id     text not null check (length(key_id) between 1 and 64),
  signature  text not null check (length(signature) between 1 and 200),
  primary key (county, seq)
);
create trigger audit_checkpoint_insert_only before update or delete on funds.audit_checkpoint
  for each row execute function funds.refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on funds.audit_checkpoint
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.audit_checkpoint from public;
