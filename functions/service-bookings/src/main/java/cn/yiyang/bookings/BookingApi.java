package cn.yiyang.bookings;

import cn.yiyang.bookings.booking.BookingQueries;
import cn.yiyang.bookings.booking.BookingService;
import cn.yiyang.bookings.booking.VisitService;
import cn.yiyang.bookings.catalog.CatalogService;
import cn.yiyang.bookings.providers.ProviderService;
import cn.yiyang.bookings.settings.SettingsService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared booking route to its operation. */
@Singleton
public class BookingApi extends DeclaredApi {

    public BookingApi(IdempotencyPurge purge, PgOperations pg, CatalogService catalog, SettingsService settings, ProviderService providers,
                      BookingService bookings, VisitService visits, BookingQueries queries) {
        super(BookingRoutes.ALL,
                Binding.of(BookingRoutes.INSTALL_SERVICES, pg.write(catalog::installDefaults)),
                Binding.of(BookingRoutes.LIST_SERVICES, pg.read(catalog::list)),
                Binding.of(BookingRoutes.GET_SETTINGS, pg.read(settings::read)),
                Binding.of(BookingRoutes.PUT_SETTINGS, pg.write(settings::put)),
                Binding.of(BookingRoutes.CREATE_PROVIDER, pg.write(providers::create)),
                Binding.of(BookingRoutes.ADD_CAREGIVER, pg.write(providers::addCaregiver)),
                Binding.of(BookingRoutes.PROVIDER_DAY, pg.read(queries::providerDay)),
                Binding.of(BookingRoutes.CAREGIVER_DAY, pg.read(queries::caregiverDay)),
                Binding.of(BookingRoutes.BOOK, pg.write(bookings::book)),
                Binding.of(BookingRoutes.LIST, pg.read(queries::list)),
                Binding.of(BookingRoutes.OVERDUE, pg.read(queries::overdue)),
                Binding.of(BookingRoutes.FLAGGED, pg.read(queries::flagged)),
                Binding.of(BookingRoutes.GET, pg.read(queries::get)),
                Binding.of(BookingRoutes.ASSIGN, pg.write(visits::assign)),
                Binding.of(BookingRoutes.CHECK_IN, pg.write(visits::checkIn)),
                Binding.of(BookingRoutes.CHECK_OUT, pg.write(visits::checkOut)),
                Binding.of(BookingRoutes.RATE, pg.write(visits::rate)),
                Binding.of(BookingRoutes.CANCEL, pg.write(visits::cancel)),
                Binding.of(BookingRoutes.NO_SHOW, pg.write(visits::noShow)),
                Binding.of(BookingRoutes.SETTLEMENTS, pg.read(queries::settlements)));
        runs(JobBinding.of(BookingRoutes.PURGE_IDEMPOTENCY, purge.handler(BookingRoutes.PURGE_IDEMPOTENCY)));
    }
}
