package cn.yiyang.residents;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.residents.family.FamilyLinkService;
import cn.yiyang.residents.identity.IdentityDisclosureService;
import cn.yiyang.residents.registry.ResidentService;
import cn.yiyang.stores.metering.UsageOperation;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared route to its operation. */
@Singleton
public class ResidentsApi extends DeclaredApi {

    public ResidentsApi(IdempotencyPurge purge, PgOperations pg, ResidentService residents, FamilyLinkService family,
                        IdentityDisclosureService identity, UsageOperation usage) {
        super(ResidentsRoutes.ALL,
                Binding.of(ResidentsRoutes.REGISTER, pg.write(residents::register)),
                Binding.of(ResidentsRoutes.LOOKUP, pg.read(residents::lookup)),
                Binding.of(ResidentsRoutes.GET, pg.read(residents::get)),
                Binding.of(ResidentsRoutes.UPDATE, pg.write(residents::update)),
                Binding.of(ResidentsRoutes.LINK_FAMILY, pg.write(family::link)),
                Binding.of(ResidentsRoutes.DISCLOSE_IDENTITY, pg.write(identity::disclose)),
                Binding.of(ResidentsRoutes.USAGE, usage));
        runs(purge.bind(ResidentsRoutes.PURGE_IDEMPOTENCY));
    }
}
