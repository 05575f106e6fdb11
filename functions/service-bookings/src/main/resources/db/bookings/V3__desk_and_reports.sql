-- When a caregiver was assigned: the 助急 response report measures created → assigned (and → checked in).
-- Bookings assigned before this column existed keep it empty and count only as created.
alter table bookings.booking add column assigned_at timestamptz;
-- The provider desk: a provider's bookings still open (to assign, or assigned and not yet visited).
create index booking_open_by_provider on bookings.booking (provider_id, starts_at) where status in ('REQUESTED', 'ASSIGNED');
-- The officer's reports: a county's bookings by start time, and its 助急 bookings by creation time.
create index booking_by_county_start on bookings.booking (county, starts_at);
create index booking_emergency_by_created on bookings.booking (county, created_at) where emergency;
