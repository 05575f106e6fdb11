package cn.yiyang.residents;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.residents.family.FamilyLinkRequest;
import cn.yiyang.residents.registry.ResidentRequests;
import cn.yiyang.residents.family.FamilyLinkService;
import cn.yiyang.residents.identity.IdentityDisclosureService;
import cn.yiyang.residents.disclosure.DisclosureLog;
import cn.yiyang.residents.lookup.HotlineLookup;
import cn.yiyang.residents.registry.ResidentService;
import cn.yiyang.stores.metering.UsageOperation;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared route to its operation. */
@Singleton
public class ResidentsApi extends DeclaredApi {

    public ResidentsApi(IdempotencyPurge purge, PgOperations pg, ResidentService residents, FamilyLinkService family,
                        IdentityDisclosureService identity, HotlineLookup lookup, DisclosureLog disclosures,
                        UsageOperation usage) {
        super(ResidentsRoutes.ALL,
                Binding.of(ResidentsRoutes.REGISTER, ResidentRequests.Register.class, pg.transact(residents::register)),
                Binding.of(ResidentsRoutes.LOOKUP, ResidentRequests.LookUp.class, pg.transactWith(lookup::lookUp)),
                Binding.of(ResidentsRoutes.GET, ById.class, pg.query(residents::get)),
                Binding.of(ResidentsRoutes.UPDATE, ResidentRequests.Update.class, pg.transact(residents::update)),
                Binding.of(ResidentsRoutes.LINK_FAMILY, FamilyLinkRequest.class, pg.transact(family::link)),
                Binding.of(ResidentsRoutes.DISCLOSE_IDENTITY, ResidentRequests.Disclose.class,
                        pg.transactWith(identity::disclose)),
                Binding.of(ResidentsRoutes.DISCLOSURES, DisclosureLog.DisclosureQuery.class, pg.query(disclosures::list)),
                Binding.of(ResidentsRoutes.USAGE, UsageOperation.UsageQuery.class, Handler.direct(usage::read)));
        runs(JobBinding.of(ResidentsRoutes.PURGE_IDEMPOTENCY, purge.handler(ResidentsRoutes.PURGE_IDEMPOTENCY)));
    }
}
