package cn.yiyang.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.AccessRules.BookingAccess;
import cn.yiyang.bookings.catalog.Channel;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may see or act on what, without a door: each role against its own and someone else's objects.
 * A provider or caregiver is whom the token's {@code org} names, never its {@code sub}: the identity
 * function's staff tokens carry the staff account as subject.
 */
class AccessRulesTest {

    private static final String COUNTY = "330105";
    private static final String RESIDENT = "resident-1";
    private static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CAREGIVER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final String OTHER = "00000000-0000-0000-0000-00000000000c";

    @ParameterizedTest(name = "{0} {1} (acts for {2}), booking assigned {3}, {4} {5}: {6}")
    @CsvSource({
            "OPERATOR,  operator-9,                           -,                                    true,  BOOKING, READ, GRANTED",
            "OFFICER,   officer-1,                            -,                                    false, BOOKING, READ, GRANTED",
            "PROVIDER,  staff-4,                              00000000-0000-0000-0000-00000000000a, false, BOOKING, READ, GRANTED",
            "PROVIDER,  staff-4,                              00000000-0000-0000-0000-00000000000a, false, BOOKING, ACT,  GRANTED",
            "PROVIDER,  staff-4,                              00000000-0000-0000-0000-00000000000c, true,  BOOKING, READ, DENIED",
            "PROVIDER,  00000000-0000-0000-0000-00000000000a, -,                                    false, BOOKING, READ, DENIED",
            "CAREGIVER, staff-5,                              00000000-0000-0000-0000-00000000000b, true,  VISIT,   ACT,  GRANTED",
            "CAREGIVER, staff-5,                              00000000-0000-0000-0000-00000000000b, true,  BOOKING, ACT,  DENIED",
            "CAREGIVER, staff-5,                              00000000-0000-0000-0000-00000000000b, false, VISIT,   ACT,  DENIED",
            "CAREGIVER, staff-5,                              00000000-0000-0000-0000-00000000000c, true,  VISIT,   ACT,  DENIED",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000b, -,                                    true,  VISIT,   ACT,  DENIED",
            "RESIDENT,  resident-1,                           -,                                    false, BOOKING, ACT,  GRANTED",
            "RESIDENT,  resident-1,                           -,                                    false, VISIT,   ACT,  DENIED",
            "RESIDENT,  resident-2,                           -,                                    false, BOOKING, READ, DENIED",
            "FAMILY,    family-7,                             -,                                    false, BOOKING, ACT,  IF_FAMILY_LINKED",
            "FAMILY,    family-7,                             -,                                    false, VISIT,   ACT,  DENIED",
            "VOLUNTEER, resident-1,                           -,                                    false, BOOKING, READ, DENIED",
            "CANTEEN,   canteen-1,                            00000000-0000-0000-0000-00000000000a, false, BOOKING, READ, DENIED",
            "APPROVER,  officer-1,                            -,                                    false, BOOKING, READ, DENIED",
    })
    void aBooking_isForStaff_itsProvider_itsCaregiver_itsResident_andLinkedFamily(Role role, String subject, String actsFor,
            boolean assigned, ObjectKind kind, Action action, BookingAccess expected) {
        Caller caller = caller(role, subject, actsFor);

        assertThat(AccessRules.booking(caller, kind, action, RESIDENT, PROVIDER, assigned ? CAREGIVER : null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} (acts for {2}): adds caregivers to provider a {3}")
    @CsvSource({
            "OFFICER,  officer-1,                            -,                                    true",
            "PROVIDER, staff-4,                              00000000-0000-0000-0000-00000000000a, true",
            "PROVIDER, staff-4,                              00000000-0000-0000-0000-00000000000c, false",
            "PROVIDER, 00000000-0000-0000-0000-00000000000a, -,                                    false",
            "OPERATOR, operator-9,                           -,                                    false",
    })
    void aProvidersCaregivers_areAddedByOfficers_andByTheProviderItself(Role role, String subject, String actsFor, boolean adds) {
        assertThat(AccessRules.reachesProvider(caller(role, subject, actsFor), ObjectKind.CAREGIVER, Action.CREATE,
                PROVIDER.toString())).isEqualTo(adds);
    }

    @ParameterizedTest(name = "{0} {1} (acts for {2}): reads the caregiver''s day {3}")
    @CsvSource({
            "OFFICER,   officer-1, -,                                    true",
            "CAREGIVER, staff-5,   00000000-0000-0000-0000-00000000000b, true",
            "CAREGIVER, staff-5,   00000000-0000-0000-0000-00000000000c, false",
            "PROVIDER,  staff-4,   00000000-0000-0000-0000-00000000000a, true",
            "PROVIDER,  staff-4,   00000000-0000-0000-0000-00000000000c, false",
            "PROVIDER,  staff-4,   00000000-0000-0000-0000-00000000000b, false",
            "OPERATOR,  operator-9, -,                                   false",
    })
    void aCaregiversDay_isReadByThemself_theirProvider_andOfficers(Role role, String subject, String actsFor, boolean reads) {
        assertThat(AccessRules.mayReadCaregiverDay(caller(role, subject, actsFor), CAREGIVER.toString(), PROVIDER))
                .isEqualTo(reads);
    }

    @ParameterizedTest(name = "{0}: looks up by code {1}, books through {2}")
    @CsvSource({
            "OPERATOR,  true,  HOTLINE",
            "OFFICER,   true,  ONSITE",
            "RESIDENT,  false, MINI_PROGRAM",
            "FAMILY,    false, MINI_PROGRAM",
    })
    void onlyTheHotlineAndOfficers_lookUpByCode_andEachRoleBooksThroughItsChannel(Role role, boolean looksUp, Channel channel) {
        Caller caller = new Caller(OTHER, COUNTY, Set.of(role));

        assertThat(AccessRules.mayLookUpByCode(caller)).isEqualTo(looksUp);
        assertThat(Channel.of(caller)).isEqualTo(channel);
    }

    private static Caller caller(Role role, String subject, String actsFor) {
        return new Caller(subject, COUNTY, Set.of(role), "-".equals(actsFor) ? Map.of() : Map.of(role, Set.of(actsFor)));
    }
}
