-- A certificate recorded in error (a wrong level, number or dates typed in) is withdrawn (撤销), once, with who did it,
-- when and why; the row and its audit entry stay. A withdrawn certificate pays no day and no longer holds its dates,
-- so the right one can be recorded over them. Like an assignment's end, the withdrawal is the one change the row takes.
alter table funds.caregiver_certificate
  add column withdrawn_by      text,
  add column withdrawn_at      timestamptz,
  add column withdrawal_reason text check (length(withdrawal_reason) between 1 and 200),
  add constraint caregiver_certificate_withdrawal_whole
    check ((withdrawn_by is null) = (withdrawn_at is null) and (withdrawn_at is null) = (withdrawal_reason is null));

alter table funds.caregiver_certificate drop constraint caregiver_certificate_no_overlap;
alter table funds.caregiver_certificate add constraint caregiver_certificate_no_overlap
  exclude using gist (caregiver_id with =, daterange(valid_from, valid_until, '[]') with &&) where (withdrawn_at is null);

create function funds.caregiver_certificate_withdrawal_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.withdrawn_at is null and new.withdrawn_at is not null
     and (new.id, new.county, new.caregiver_id, new.certificate_level, new.certificate_number, new.valid_from, new.valid_until,
          new.recorded_by, new.recorded_at)
         is not distinct from (old.id, old.county, old.caregiver_id, old.certificate_level, old.certificate_number, old.valid_from,
          old.valid_until, old.recorded_by, old.recorded_at) then
    return new;
  end if;
  raise exception 'funds.caregiver_certificate is insert-only but for one withdrawal' using errcode = 'P0001';
end $$;
drop trigger caregiver_certificate_insert_only on funds.caregiver_certificate;
create trigger caregiver_certificate_withdrawal_only before update or delete on funds.caregiver_certificate
  for each row execute function funds.caregiver_certificate_withdrawal_only();
