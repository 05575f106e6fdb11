package cn.yiyang.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.AccessRules.BookingAccess;
import cn.yiyang.bookings.catalog.Channel;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may see or act on what, without a door: each role against its own and someone else's objects. */
class AccessRulesTest {

    private static final String COUNTY = "330105";
    private static final String RESIDENT = "resident-1";
    private static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CAREGIVER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final String OTHER = "00000000-0000-0000-0000-00000000000c";

    @ParameterizedTest(name = "{0} {1}, booking assigned {2}: {3}")
    @CsvSource({
            "OPERATOR,  operator-9,                           true,  GRANTED",
            "OFFICER,   officer-1,                            false, GRANTED",
            "PROVIDER,  00000000-0000-0000-0000-00000000000a, false, GRANTED",
            "PROVIDER,  00000000-0000-0000-0000-00000000000c, true,  DENIED",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000b, true,  GRANTED",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000b, false, DENIED",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000c, true,  DENIED",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000a, true,  DENIED",
            "RESIDENT,  resident-1,                           false, GRANTED",
            "RESIDENT,  resident-2,                           false, DENIED",
            "FAMILY,    family-7,                             false, IF_FAMILY_LINKED",
            "VOLUNTEER, resident-1,                           false, DENIED",
            "CANTEEN,   00000000-0000-0000-0000-00000000000a, false, DENIED",
            "APPROVER,  officer-1,                            false, DENIED",
    })
    void aBooking_isForStaff_itsProvider_itsCaregiver_itsResident_andLinkedFamily(Role role, String subject,
                                                                                   boolean assigned, BookingAccess expected) {
        Caller caller = new Caller(subject, COUNTY, Set.of(role));

        assertThat(AccessRules.booking(caller, RESIDENT, PROVIDER, assigned ? CAREGIVER : null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: manages provider {2}")
    @CsvSource({
            "OFFICER,  officer-1,                            true",
            "PROVIDER, 00000000-0000-0000-0000-00000000000a, true",
            "PROVIDER, 00000000-0000-0000-0000-00000000000c, false",
            "OPERATOR, operator-9,                           false",
    })
    void aProvider_isManagedByOfficers_andByItself(Role role, String subject, boolean manages) {
        assertThat(AccessRules.mayManageProvider(new Caller(subject, COUNTY, Set.of(role)), PROVIDER.toString()))
                .isEqualTo(manages);
    }

    @ParameterizedTest(name = "{0} {1}: reads the caregiver''s day {2}")
    @CsvSource({
            "OFFICER,   officer-1,                            true",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000b, true",
            "CAREGIVER, 00000000-0000-0000-0000-00000000000c, false",
            "PROVIDER,  00000000-0000-0000-0000-00000000000a, true",
            "PROVIDER,  00000000-0000-0000-0000-00000000000c, false",
            "PROVIDER,  00000000-0000-0000-0000-00000000000b, false",
            "OPERATOR,  operator-9,                           false",
    })
    void aCaregiversDay_isReadByThemself_theirProvider_andOfficers(Role role, String subject, boolean reads) {
        assertThat(AccessRules.mayReadCaregiverDay(new Caller(subject, COUNTY, Set.of(role)), CAREGIVER.toString(), PROVIDER))
                .isEqualTo(reads);
    }

    @ParameterizedTest(name = "{0}: looks up by code {1}, books through {2}")
    @CsvSource({
            "OPERATOR,  true,  HOTLINE",
            "OFFICER,   true,  MINI_PROGRAM",
            "PROVIDER,  false, ONSITE",
            "CAREGIVER, false, ONSITE",
            "RESIDENT,  false, MINI_PROGRAM",
            "FAMILY,    false, MINI_PROGRAM",
    })
    void onlyTheHotlineAndOfficers_lookUpByCode_andEachRoleBooksThroughItsChannel(Role role, boolean looksUp, Channel channel) {
        Caller caller = new Caller(OTHER, COUNTY, Set.of(role));

        assertThat(AccessRules.mayLookUpByCode(caller)).isEqualTo(looksUp);
        assertThat(Channel.of(caller)).isEqualTo(channel);
    }
}
