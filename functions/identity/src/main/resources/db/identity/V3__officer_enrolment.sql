-- The bootstrap of a county: a one-time code the platform obtains by invoking the identity
-- function's enrol-first-officer job (IAM only), with which the county's first officer enrols.
create table identity.officer_enrolment (
  id          uuid        primary key,
  county      char(6)     not null,
  code_hash   bytea       not null unique,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
