-- One fund transfer created and approved, the statements fund-lines sends (see TransferStatements), run by
-- pgbench -f … -M prepared -D county=… -D fund_line=… -D debit=… -D credit=…: the floor, no Java in the way.
\set key random(1, 1000000000000000)
begin;
select pg_try_advisory_xact_lock(:key);
select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
       t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
       t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
       (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
          from funds.transfer_approval a where a.transfer_id = t.id) as approvers
from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
left join funds.transfer_resolution r on r.transfer_id = t.id
where t.county = :county and t.client_key = 'bench-f-' || :key;
select a.id, a.fund_line_id, fl.code, a.kind, a.fiscal_year, a.payee_type, a.payee_ref, a.name,
       b.floor_enforced, b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted
from funds.account a join funds.fund_line fl on fl.id = a.fund_line_id
join funds.account_balance b on b.account_id = a.id
where a.id = :debit and a.county = :county;
select a.id, a.fund_line_id, fl.code, a.kind, a.fiscal_year, a.payee_type, a.payee_ref, a.name,
       b.floor_enforced, b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted
from funds.account a join funds.fund_line fl on fl.id = a.fund_line_id
join funds.account_balance b on b.account_id = a.id
where a.id = :credit and a.county = :county;
select dual_approval_above_fen, pending_expiry_hours from funds.county_setting where county = :county;
insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id,
  amount_fen, kind, cause_type, cause_ref, maker, required_approvals, created_at, expires_at)
values (md5('bench-f-' || :key)::uuid, :county, 'bench-f-' || :key, :fund_line, :debit, :credit, 100, 'PAYMENT', 'MEAL', 'bench-f-' || :key,
  'bench-officer', 1, now(), now() + interval '168 hours');
update funds.account_balance set debits_pending = debits_pending + 100
where account_id = :debit and (not floor_enforced or debits_posted + debits_pending + 100 <= credits_posted);
update funds.account_balance set credits_pending = credits_pending + 100 where account_id = :credit;
select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
       t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
       t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
       (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
          from funds.transfer_approval a where a.transfer_id = t.id) as approvers
from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
left join funds.transfer_resolution r on r.transfer_id = t.id
where t.id = md5('bench-f-' || :key)::uuid and t.county = :county;
select pg_advisory_xact_lock(hashtextextended('funds-audit:' || :county, 0));
select seq as last_seq, hash as last_hash from funds.audit_entry where county = :county order by seq desc limit 1 \gset
\set next_seq :last_seq + 1
insert into funds.audit_entry (county, seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
values (:county, :next_seq, now(), 'bench-officer', 'TRANSFER_CREATED', 'TRANSFER', md5('bench-f-' || :key)::uuid::text, '{"amountFen":100}', :last_hash,
        encode(sha256(convert_to(:last_hash || 'TRANSFER_CREATED' || :key, 'UTF8')), 'hex'));
end;
begin;
\set approve_key :key + 1
select pg_try_advisory_xact_lock(:approve_key);
select fingerprint, status, body from platform.idempotency_record
where function = 'fund-lines' and county = :county and caller = 'bench-approver' and key = 'bench-a-' || :key and expires_at > now();
select pg_advisory_xact_lock(hashtextextended('funds-transfer:' || md5('bench-f-' || :key)::uuid::text, 0));
select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
       t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
       t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
       (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
          from funds.transfer_approval a where a.transfer_id = t.id) as approvers
from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
left join funds.transfer_resolution r on r.transfer_id = t.id
where t.id = md5('bench-f-' || :key)::uuid and t.county = :county;
select batch_id from funds.transfer where id = md5('bench-f-' || :key)::uuid and batch_id is not null;
insert into funds.transfer_approval (transfer_id, approver, approved_at) values (md5('bench-f-' || :key)::uuid, 'bench-approver', now());
insert into funds.transfer_resolution (transfer_id, county, outcome, resolved_by, reason, resolved_at)
values (md5('bench-f-' || :key)::uuid, :county, 'POSTED', 'bench-approver', null, now());
update funds.account_balance set debits_pending = debits_pending - 100, debits_posted = debits_posted + 100 where account_id = :debit;
update funds.account_balance set credits_pending = credits_pending - 100, credits_posted = credits_posted + 100 where account_id = :credit;
select pg_advisory_xact_lock(hashtextextended('funds-audit:' || :county, 0));
select seq as last_seq, hash as last_hash from funds.audit_entry where county = :county order by seq desc limit 1 \gset
\set next_seq :last_seq + 1
insert into funds.audit_entry (county, seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
values (:county, :next_seq, now(), 'bench-approver', 'TRANSFER_POSTED', 'TRANSFER', md5('bench-f-' || :key)::uuid::text, '{"amountFen":100}', :last_hash,
        encode(sha256(convert_to(:last_hash || 'TRANSFER_POSTED' || :key, 'UTF8')), 'hex'));
select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
       t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
       t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
       (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
          from funds.transfer_approval a where a.transfer_id = t.id) as approvers
from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
left join funds.transfer_resolution r on r.transfer_id = t.id
where t.id = md5('bench-f-' || :key)::uuid and t.county = :county;
insert into platform.idempotency_record (function, county, caller, key, fingerprint, status, body, created_at, expires_at)
values ('fund-lines', :county, 'bench-approver', 'bench-a-' || :key, 'fingerprint', 200, '{}', now(), now() + interval '24 hours')
on conflict (function, county, caller, key) do update set
  fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
  created_at = excluded.created_at, expires_at = excluded.expires_at
where platform.idempotency_record.expires_at <= excluded.created_at;
end;
