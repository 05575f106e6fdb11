package cn.yiyang.residents.registry;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.IdNumber;
import cn.yiyang.kernel.identity.ContactPhone;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Registering, reading, finding and changing residents. Runs inside the session PgOperations opens. */
@ApplicationScoped
public class ResidentService {

    private static final String ID_NUMBER = Resident.ID_NUMBER;
    private static final String PHONE = Resident.PHONE;

    private final PiiProtector pii;
    private final ResidentAccess access;
    private final ResidentCardPublisher cards;
    private final CountyAreaCodes areaCodes;
    private final Clock clock;

    public ResidentService(PiiProtector pii, ResidentAccess access, ResidentCardPublisher cards, CountyAreaCodes areaCodes,
                           Clock clock) {
        this.pii = pii;
        this.access = access;
        this.cards = cards;
        this.areaCodes = areaCodes;
        this.clock = clock;
    }

    public Uni<Reply> register(Caller caller, ResidentRequests.Register request) {
        LocalDate today = CountyTime.today(clock);
        ResidentRules.Registration valid = ResidentRules.registration(request, caller.county(), areaCodes.of(caller.county()), today);
        Resident r = new Resident();
        r.id = UUID.randomUUID();
        r.county = caller.county();
        r.name = valid.name();
        IdNumber idNumber = valid.idNumber();
        r.idNumberEnc = pii.encrypt(idNumber.value(), r.boundTo(ID_NUMBER));
        r.idNumberIndex = pii.index(r.county, ID_NUMBER, idNumber.value());
        r.idNumberMasked = idNumber.masked();
        r.birthDate = idNumber.birthDate();
        r.sex = idNumber.sex().name();
        setPhone(r, valid.phone());
        setAddress(r, valid.address());
        r.categorySet(valid.categories());
        r.disabilityLevel = valid.disabilityLevel();
        r.abilityLevel = valid.abilityLevel();
        setContact(r, valid.emergencyContact());
        r.status = ResidentStatus.ACTIVE;
        r.createdAt = CountyTime.now(clock);
        r.updatedAt = r.createdAt;
        r.createdBy = caller.subject();
        return r.persistAndFlush()
                .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION)).transform(f -> new ApiException(
                        ResidentProblem.RESIDENT_ALREADY_REGISTERED,
                        "A resident with this ID number is already registered in this county"))
                .call(saved -> cards.publish(r))
                .map(saved -> Reply.created(ResidentView.of(r, today)));
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return access.readable(caller, request.id())
                .map(r -> Reply.ok(ResidentView.of(r, CountyTime.today(clock))));
    }

    public Uni<Reply> update(Caller caller, ResidentRequests.Update update) {
        return access.inCounty(caller, update.id()).flatMap(r -> {
            ResidentRules.Change change = ResidentRules.change(update, r, areaCodes.of(r.county));
            if (change.phone() != null) {
                setPhone(r, change.phone());
            }
            if (change.address() != null) {
                setAddress(r, change.address());
            }
            if (change.categories() != null) {
                r.categorySet(change.categories());
            }
            r.disabilityLevel = change.disabilityLevel();
            if (change.abilityLevel() != null) {
                r.abilityLevel = change.abilityLevel();
            }
            if (change.emergencyContact() != null) {
                setContact(r, change.emergencyContact());
            }
            if (change.status() != null) {
                r.status = change.status();
            }
            r.updatedAt = CountyTime.now(clock);
            return r.<Resident>persistAndFlush()
                    .call(cards::publish)
                    .map(saved -> Reply.ok(ResidentView.of(saved, CountyTime.today(clock))));
        });
    }

    private void setPhone(Resident r, ContactPhone phone) {
        if (phone == null) {
            return;
        }
        r.phoneEnc = pii.encrypt(phone.value(), r.boundTo(PHONE));
        r.phoneIndex = pii.index(r.county, PHONE, phone.value());
        r.phoneMasked = phone.masked();
    }

    private static void setAddress(Resident r, ResidentRequests.Address address) {
        r.streetCode = address.streetCode();
        r.communityCode = address.communityCode();
        r.addressLine = address.line();
    }

    private void setContact(Resident r, ResidentRules.Contact contact) {
        if (contact == null) {
            return;
        }
        r.emergencyName = contact.name();
        r.emergencyRelation = contact.relation();
        r.emergencyPhoneEnc = pii.encrypt(contact.phone().value(), r.boundTo(Resident.EMERGENCY_PHONE));
        r.emergencyPhoneMasked = contact.phone().masked();
    }
}
