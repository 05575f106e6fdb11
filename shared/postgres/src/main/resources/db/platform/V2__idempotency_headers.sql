-- A replay gives the first answer's headers again (a 202's Location), not only its status and body.
alter table platform.idempotency_record add column headers text not null default '';
