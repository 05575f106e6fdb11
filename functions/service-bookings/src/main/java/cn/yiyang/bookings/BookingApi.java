package cn.yiyang.bookings;

import cn.yiyang.bookings.booking.BookingAccess;
import cn.yiyang.bookings.booking.BookingCardPublisher;
import cn.yiyang.bookings.booking.BookingQueries;
import cn.yiyang.bookings.booking.BookingReports;
import cn.yiyang.bookings.booking.BookingRequests;
import cn.yiyang.bookings.booking.BookingTimes;
import cn.yiyang.bookings.booking.BookingView;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.ProviderRequests;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.SettingsService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared booking route to its request record and the service method that serves it. */
@Singleton
public class BookingApi extends DeclaredApi {

    public BookingApi(IdempotencyPurge purge, PgOperations pg, CareSetup setup, BookingServices bookings,
                      BookingCardPublisher cards, BookingAccess access) {
        super(BookingRoutes.ALL,
                Binding.of(BookingRoutes.INSTALL_SERVICES, NoInput.class, pg.transact(setup.catalog()::installDefaults))
                        .answers(201, CatalogService.Catalog.class),
                Binding.of(BookingRoutes.LIST_SERVICES, NoInput.class, pg.query(setup.catalog()::list))
                        .answers(200, CatalogService.Catalog.class),
                Binding.of(BookingRoutes.GET_SETTINGS, NoInput.class, pg.query(setup.settings()::read))
                        .answers(200, SettingsService.Settings.class),
                Binding.of(BookingRoutes.PUT_SETTINGS, SettingsService.Settings.class, pg.transact(setup.settings()::put))
                        .answers(200, SettingsService.Settings.class),
                Binding.of(BookingRoutes.CREATE_PROVIDER, ProviderRequests.NewProvider.class,
                        pg.transact(setup.providers()::create)).answers(201, ProviderService.ProviderView.class),
                Binding.of(BookingRoutes.ADD_CAREGIVER, ProviderRequests.NewCaregiver.class,
                        pg.transact(setup.providers()::addCaregiver)).answers(201, ProviderService.CaregiverView.class),
                Binding.of(BookingRoutes.LIST_CAREGIVERS, ProviderRequests.OfProvider.class,
                        pg.query(setup.providers()::listCaregivers)).answers(200, ProviderService.Caregivers.class),
                Binding.of(BookingRoutes.PROVIDER_BOOKINGS, BookingRequests.OpenBookings.class,
                        pg.query(bookings.desk()::openBookings)).answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.PROVIDER_DAY, BookingRequests.Day.class, pg.query(bookings.queries()::providerDay))
                        .answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.CAREGIVER_DAY, BookingRequests.Day.class, pg.query(bookings.queries()::caregiverDay))
                        .answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.BOOK, BookingRequests.Book.class,
                        cards.publishingBooking(access.readingCardFirst(pg.transactPipelined(bookings.booking()::book))))
                        .answers(201, BookingView.class)
                        .refuses(BookingProblem.BOOKING_IN_THE_PAST, BookingProblem.BOOKING_NO_CAPACITY,
                                BookingProblem.BOOKING_NO_PROVIDER, BookingProblem.BOOKING_TOO_SOON,
                                BookingProblem.SERVICE_NOT_OFFERED, ResidentStatusProblem.RESIDENT_INACTIVE),
                Binding.of(BookingRoutes.TIMES, BookingRequests.Times.class, pg.query(bookings.times()::times))
                        .answers(200, BookingTimes.Day.class)
                        .refuses(BookingProblem.BOOKING_NO_PROVIDER),
                Binding.of(BookingRoutes.LIST, BookingRequests.Find.class, pg.query(bookings.queries()::list))
                        .answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.OVERDUE, BookingRequests.Unassigned.class, pg.query(bookings.queries()::overdue))
                        .answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.FLAGGED, NoInput.class, pg.query(bookings.queries()::flagged))
                        .answers(200, BookingView.Page.class),
                Binding.of(BookingRoutes.GET, ById.class, pg.query(bookings.queries()::get))
                        .answers(200, BookingView.class),
                Binding.of(BookingRoutes.ASSIGN, BookingRequests.Assign.class, pg.transact(bookings.visits()::assign))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION, BookingProblem.CAREGIVER_BUSY,
                                BookingProblem.CAREGIVER_NOT_CERTIFIED, BookingProblem.CAREGIVER_OFF_DUTY),
                Binding.of(BookingRoutes.CHECK_IN, BookingRequests.CheckIn.class, pg.transact(bookings.visits()::checkIn))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION),
                Binding.of(BookingRoutes.CHECK_OUT, ById.class, pg.transact(bookings.visits()::checkOut))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION),
                Binding.of(BookingRoutes.RATE, BookingRequests.Rate.class, pg.transact(bookings.visits()::rate))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION),
                Binding.of(BookingRoutes.CANCEL, ById.class, cards.publishingCancellation(pg.transact(bookings.visits()::cancel)))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION),
                Binding.of(BookingRoutes.NO_SHOW, BookingRequests.NoShow.class, pg.transact(bookings.visits()::noShow))
                        .answers(200, BookingView.class)
                        .refuses(BookingProblem.BOOKING_ILLEGAL_TRANSITION),
                Binding.of(BookingRoutes.REPORT_BY_SERVICE, BookingRequests.DateRange.class,
                        pg.query(bookings.reports()::byService)).answers(200, BookingReports.BookingsByService.class),
                Binding.of(BookingRoutes.REPORT_EMERGENCY, BookingRequests.DateRange.class,
                        pg.query(bookings.reports()::emergencyResponse)).answers(200, BookingReports.EmergencyResponse.class),
                Binding.of(BookingRoutes.SETTLEMENTS, BookingRequests.SettlementMonth.class,
                        pg.query(bookings.queries()::settlements)).answers(200, BookingQueries.SettlementMonth.class));
        runs(JobBinding.of(BookingRoutes.PURGE_IDEMPOTENCY, purge.handler(BookingRoutes.PURGE_IDEMPOTENCY)));
    }
}
