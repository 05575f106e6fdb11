-- A booking paid with time-bank points (a SERVICE voucher): the exchange that paid, learned from the
-- booking card (shared/stores BookingCards) in the transaction of the booking's next step. One
-- exchange pays one booking; no service subsidy is settled for a booking paid by points.
alter table bookings.booking add column paid_by_exchange text;
create unique index booking_paid_by_exchange on bookings.booking (county, paid_by_exchange) where paid_by_exchange is not null;
