-- A caregiver's certificates (养老护理员证书): a caregiver who renews (续证) or upgrades (晋级) is paid on from the
-- new certificate's first day, at its level. Insert-only like the caregiver: a certificate recorded is never
-- changed; the caregiver-post batch pays each day at the level of the certificate valid that day. Two
-- certificates of one caregiver never overlap, so on any day at most one is valid.
create table funds.caregiver_certificate (
  id                  uuid primary key,
  county              char(6) not null,
  caregiver_id        uuid not null references funds.caregiver (id),
  certificate_level   text not null check (certificate_level in ('JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN')),
  certificate_number  text not null check (certificate_number ~ '^[0-9A-Za-z-]{4,40}$'),
  -- both days count, as printed: 有效期 2024-06-01 至 2029-05-31
  valid_from          date not null,
  valid_until         date not null check (valid_until >= valid_from),
  recorded_by         text not null,
  recorded_at         timestamptz not null,
  constraint caregiver_certificate_no_overlap
    exclude using gist (caregiver_id with =, daterange(valid_from, valid_until, '[]') with &&)
);

-- The certificates caregivers were registered with become their first ones.
insert into funds.caregiver_certificate (id, county, caregiver_id, certificate_level, certificate_number, valid_from, valid_until,
                                         recorded_by, recorded_at)
select gen_random_uuid(), county, id, certificate_level, certificate_number, certificate_from, certificate_until,
       registered_by, registered_at
from funds.caregiver;

create trigger caregiver_certificate_insert_only before update or delete on funds.caregiver_certificate
  for each row execute function funds.refuse_change();
create trigger caregiver_certificate_no_truncate before truncate on funds.caregiver_certificate
  for each statement execute function funds.refuse_change();
revoke update, delete, truncate on funds.caregiver_certificate from public;

-- A month with an upgrade pays one assignment at one rate version at two levels: a line per level.
alter table funds.batch_item_post drop constraint batch_item_post_pkey;
alter table funds.batch_item_post add primary key (batch_id, seq, assignment_id, rate_version, certificate_level);
