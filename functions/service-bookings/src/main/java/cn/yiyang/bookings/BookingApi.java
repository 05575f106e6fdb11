package cn.yiyang.bookings;

import cn.yiyang.bookings.booking.BookingCardPublisher;
import cn.yiyang.bookings.booking.BookingRequests;
import cn.yiyang.bookings.providers.ProviderRequests;
import cn.yiyang.bookings.settings.SettingsService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared booking route to its request record and the service method that serves it. */
@Singleton
public class BookingApi extends DeclaredApi {

    public BookingApi(IdempotencyPurge purge, PgOperations pg, CareSetup setup, BookingServices bookings,
                      BookingCardPublisher cards) {
        super(BookingRoutes.ALL,
                Binding.of(BookingRoutes.INSTALL_SERVICES, NoInput.class, pg.transact(setup.catalog()::installDefaults)),
                Binding.of(BookingRoutes.LIST_SERVICES, NoInput.class, pg.query(setup.catalog()::list)),
                Binding.of(BookingRoutes.GET_SETTINGS, NoInput.class, pg.query(setup.settings()::read)),
                Binding.of(BookingRoutes.PUT_SETTINGS, SettingsService.Settings.class, pg.transact(setup.settings()::put)),
                Binding.of(BookingRoutes.CREATE_PROVIDER, ProviderRequests.NewProvider.class,
                        pg.transact(setup.providers()::create)),
                Binding.of(BookingRoutes.ADD_CAREGIVER, ProviderRequests.NewCaregiver.class,
                        pg.transact(setup.providers()::addCaregiver)),
                Binding.of(BookingRoutes.PROVIDER_DAY, BookingRequests.Day.class, pg.query(bookings.queries()::providerDay)),
                Binding.of(BookingRoutes.CAREGIVER_DAY, BookingRequests.Day.class, pg.query(bookings.queries()::caregiverDay)),
                Binding.of(BookingRoutes.BOOK, BookingRequests.Book.class,
                        cards.publishingBooking(pg.transact(bookings.booking()::book))),
                Binding.of(BookingRoutes.LIST, BookingRequests.Find.class, pg.query(bookings.queries()::list)),
                Binding.of(BookingRoutes.OVERDUE, NoInput.class, pg.query(bookings.queries()::overdue)),
                Binding.of(BookingRoutes.FLAGGED, NoInput.class, pg.query(bookings.queries()::flagged)),
                Binding.of(BookingRoutes.GET, ById.class, pg.query(bookings.queries()::get)),
                Binding.of(BookingRoutes.ASSIGN, BookingRequests.Assign.class, pg.transact(bookings.visits()::assign)),
                Binding.of(BookingRoutes.CHECK_IN, BookingRequests.CheckIn.class, pg.transact(bookings.visits()::checkIn)),
                Binding.of(BookingRoutes.CHECK_OUT, ById.class, pg.transact(bookings.visits()::checkOut)),
                Binding.of(BookingRoutes.RATE, BookingRequests.Rate.class, pg.transact(bookings.visits()::rate)),
                Binding.of(BookingRoutes.CANCEL, ById.class, cards.publishingCancellation(pg.transact(bookings.visits()::cancel))),
                Binding.of(BookingRoutes.NO_SHOW, BookingRequests.NoShow.class, pg.transact(bookings.visits()::noShow)),
                Binding.of(BookingRoutes.SETTLEMENTS, BookingRequests.SettlementMonth.class,
                        pg.query(bookings.queries()::settlements)));
        runs(JobBinding.of(BookingRoutes.PURGE_IDEMPOTENCY, purge.handler(BookingRoutes.PURGE_IDEMPOTENCY)));
    }
}
