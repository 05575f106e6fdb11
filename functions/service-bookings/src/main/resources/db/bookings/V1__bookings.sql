-- Home-care service bookings. Capacity per provider and hourly window is a guarded counter;
-- a caregiver's visits may never overlap (exclusion constraint over time ranges).
create extension if not exists btree_gist;
create schema if not exists bookings;

create table bookings.county_setting (
  county                    char(6) primary key,
  min_notice_minutes        int not null check (min_notice_minutes between 0 and 10080),
  late_cancel_minutes       int not null check (late_cancel_minutes between 0 and 10080),
  emergency_assign_minutes  int not null check (emergency_assign_minutes between 1 and 1440)
);

create table bookings.care_service (
  id                  uuid primary key,
  county              char(6) not null,
  code                text not null,
  name                text not null,
  duration_minutes    int not null check (duration_minutes between 5 and 600),
  price_fen           bigint not null check (price_fen between 0 and 10000000),
  subsidy_percent     text not null default '',
  certified_required  boolean not null,
  emergency           boolean not null default false,
  constraint care_service_code unique (county, code)
);

create table bookings.provider (
  id               uuid primary key,
  county           char(6) not null,
  name             text not null,
  streets          text not null,
  services         text not null,
  window_capacity  int not null check (window_capacity between 1 and 1000),
  created_at       timestamptz not null
);

create table bookings.caregiver (
  id           uuid primary key,
  county       char(6) not null,
  provider_id  uuid not null references bookings.provider (id),
  name         text not null,
  certified    boolean not null,
  works_from   time not null,
  works_until  time not null check (works_until > works_from)
);

-- How many bookings a provider holds in one hourly window: UPDATE … WHERE booked < capacity.
create table bookings.provider_window (
  provider_id   uuid not null references bookings.provider (id),
  window_start  timestamptz not null,
  capacity      int not null,
  booked        int not null default 0 check (booked >= 0 and booked <= capacity),
  primary key (provider_id, window_start)
);

create table bookings.booking (
  id                 uuid primary key,
  county             char(6) not null,
  resident_id        text not null,
  service_code       text not null,
  provider_id        uuid not null references bookings.provider (id),
  caregiver_id       uuid references bookings.caregiver (id),
  starts_at          timestamptz not null,
  duration_minutes   int not null,
  window_start       timestamptz not null,
  address            text not null,
  price_fen          bigint not null,
  subsidy_fen        bigint not null,
  pay_fen            bigint not null,
  emergency          boolean not null,
  status             text not null,
  channel            text not null,
  booked_by          text not null,
  confirmation_code  char(6) not null,
  checked_in_at      timestamptz,
  check_in_place     text,
  checked_out_at     timestamptz,
  actual_minutes     int,
  flagged_short      boolean not null default false,
  rating             int check (rating between 1 and 5),
  rating_comment     text,
  cancelled_late     boolean not null default false,
  no_show_reason     text,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  version            int not null,
  check (subsidy_fen >= 0 and subsidy_fen <= price_fen and pay_fen = price_fen - subsidy_fen)
);
create index booking_by_resident on bookings.booking (county, resident_id, starts_at);
create index booking_by_code on bookings.booking (county, confirmation_code);
create index booking_by_provider_day on bookings.booking (provider_id, starts_at);
create index booking_unassigned_emergency on bookings.booking (county, created_at) where emergency and status = 'REQUESTED';

-- A caregiver's visits: never two that overlap, whatever the concurrency.
create table bookings.caregiver_visit (
  booking_id    uuid primary key references bookings.booking (id),
  caregiver_id  uuid not null references bookings.caregiver (id),
  during        tstzrange not null,
  constraint caregiver_visit_no_overlap exclude using gist (caregiver_id with =, during with &&)
);
