-- The resident registry of every county. ID numbers and phones are stored only encrypted
-- (AES-256-GCM, bound to the row) and as keyed-hash indexes for exact look-ups.
create schema if not exists residents;

create table residents.resident (
  id                      uuid        primary key,
  county                  char(6)     not null,
  name                    text        not null check (char_length(name) between 1 and 50),
  id_number_enc           bytea       not null,
  id_number_index         bytea       not null,
  id_number_masked        text        not null,
  birth_date              date        not null,
  sex                     text        not null check (sex in ('MALE', 'FEMALE')),
  phone_enc               bytea,
  phone_index             bytea,
  phone_masked            text,
  street_code             char(9)     not null,
  community_code          char(12),
  address_line            text        not null,
  categories              text        not null default '',
  disability_level        text        check (disability_level in ('MILD', 'MODERATE', 'SEVERE')),
  ability_level           int         check (ability_level between 0 and 4),
  emergency_name          text,
  emergency_relation      text,
  emergency_phone_enc     bytea,
  emergency_phone_masked  text,
  status                  text        not null check (status in ('ACTIVE', 'SUSPENDED', 'MOVED_AWAY', 'DECEASED')),
  version                 int         not null,
  created_at              timestamptz not null,
  created_by              text        not null,
  updated_at              timestamptz not null,
  constraint resident_id_number_unique unique (county, id_number_index)
);
create index resident_phone_lookup on residents.resident (county, phone_index) where phone_index is not null;

create table residents.family_link (
  id              uuid        primary key,
  county          char(6)     not null,
  resident_id     uuid        not null references residents.resident (id),
  family_subject  text        not null,
  relation        text        not null,
  created_at      timestamptz not null,
  created_by      text        not null,
  constraint family_link_unique unique (county, resident_id, family_subject)
);
create index family_link_by_subject on residents.family_link (county, family_subject);

-- Every disclosure of a full ID number or phone, by whom and why. Insert-only.
create table residents.pii_disclosure (
  id           uuid        primary key,
  county       char(6)     not null,
  resident_id  uuid        not null references residents.resident (id),
  officer      text        not null,
  reason       text        not null,
  request_id   text        not null,
  disclosed_at timestamptz not null
);
create index pii_disclosure_by_resident on residents.pii_disclosure (county, resident_id, disclosed_at);
