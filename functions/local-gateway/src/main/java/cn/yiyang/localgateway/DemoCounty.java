package cn.yiyang.localgateway;

import cn.yiyang.kernel.identity.Sex;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCards;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.bookings.BookingRoutes;
import cn.yiyang.funds.FundRoutes;
import cn.yiyang.identity.IdentityRoutes;
import cn.yiyang.meals.MealRoutes;
import cn.yiyang.residents.ResidentsRoutes;
import cn.yiyang.timebank.TimeBankRoutes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo county 330105 (杭州市西湖区): residents with family links, a meal policy, a meal point
 * with a week of menus, and the staff and volunteer accounts dev tokens are minted for. Seeded through the functions' own operations, with fixed
 * Idempotency-Keys, so a seed is exactly what a client's requests would have made.
 */
@ApplicationScoped
public class DemoCounty {

    public static final String COUNTY = "330105";
    private static final Logger LOG = Logger.getLogger(DemoCounty.class);
    private static final String SEEDER = "demo-seeder";
    /** Every demo staff account's password: throw-away data of a local run, shown in the README. */
    public static final String DEMO_STAFF_PASSWORD = "Xihu-demo-2026";

    /**
     * Demo residents: the ID numbers and phones are made up, with valid check digits. 李建国 rings from a
     * landline (0571-8806 1234), as many elderly callers do; the console's e2e finds him by it.
     */
    private static final List<String> RESIDENTS = List.of(
            resident("王秀英", "330105193805170021", "13805710001", "330105001", "DUJU\",\"SHINENG", "SEVERE", 3),
            resident("李建国", "330105194210080013", "0571-88061234", "330105001", "KONGCHAO", null, 1),
            resident("张桂兰", "33010519311224004X", "13805710003", "330105002", "TEKUN\",\"DUJU", null, 2),
            resident("陈德明", "330105195001150032", "13805710004", "330105002", "DIBAO", null, 0),
            resident("刘淑珍", "33010519290630002X", "13805710005", "330105003", "SHIDU\",\"SHINENG", "MODERATE", 2));

    private static final String MEAL_POLICY = """
            {"ageBands":[{"fromAge":60,"toAge":79,"subsidyFen":300},{"fromAge":80,"toAge":89,"subsidyFen":500},
                         {"fromAge":90,"subsidyFen":800}],
             "categorySubsidyFen":{"DIBAO":600,"SHINENG":600},"freeCategories":["TEKUN"],"monthlyMealsMax":62}""";
    private static final String MEAL_POINT = """
            {"name":"文三社区长者食堂","address":"西湖区文三路 88 号","streetCode":"330105001","operatorName":"西湖颐乐餐饮有限公司",
             "openDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
             "slots":{"LUNCH":{"cutoff":"09:30","endsAt":"13:00","dineInSeats":80,"deliverySeats":30},
                      "DINNER":{"cutoff":"15:30","endsAt":"19:00","dineInSeats":40,"deliverySeats":20}}}""";
    private static final String MENU = """
            {"dishes":[{"code":"A1","name":"红烧鱼套餐","priceFen":1500},{"code":"B1","name":"清蒸鸡蛋羹套餐","priceFen":1200},
                       {"code":"C1","name":"素菜软饭","priceFen":800}]}""";

    private static final String CARE_PROVIDER = """
            {"name":"西湖颐康居家养老服务中心","streets":["330105001","330105002","330105003"],
             "services":["BATH","CLEAN","MEDICAL","WALK","EMERGENCY","HAIRCUT","NAILS","MASSAGE"],"windowCapacity":5}""";
    private static final String CAREGIVER = """
            {"name":"刘护理","certified":true,"worksFrom":"08:00","worksUntil":"18:00"}""";

    private volatile String mealPointId;
    private volatile String providerId;
    private volatile String caregiverId;
    private volatile String careHomeCaregiverId;
    private final Instance<ApiDispatcher> dispatcher;
    private final Instance<VolunteerCards> volunteerCards;
    private final boolean enabled;
    private final List<String> residentIds = new CopyOnWriteArrayList<>();

    public DemoCounty(Instance<ApiDispatcher> dispatcher, Instance<VolunteerCards> volunteerCards,
                      @ConfigProperty(name = "yiyang.demo.seed", defaultValue = "false") boolean enabled) {
        this.dispatcher = dispatcher;
        this.volunteerCards = volunteerCards;
        this.enabled = enabled;
    }

    /** Runs after the schema migrations and table creation, which observe start-up first. */
    void seed(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (int i = 0; i < RESIDENTS.size(); i++) {
            Reply reply = invoke(ResidentsRoutes.REGISTER, Map.of(), RESIDENTS.get(i), "demo-resident-" + i);
            if (reply.status() == 201) {
                residentIds.add(StrictJson.mapper().valueToTree(parse(reply.json())).path("id").asText());
            }
        }
        if (!residentIds.isEmpty()) {
            invoke(ResidentsRoutes.LINK_FAMILY, Map.of("id", residentIds.get(0)),
                    "{\"familySubject\":\"family-demo\",\"relation\":\"CHILD\"}", "demo-family-0");
        }
        String mealPoint = seedMeals();
        mealPointId = "(none)".equals(mealPoint) ? null : mealPoint;
        seedCare();
        seedFunds(mealPoint);
        seedCaregiverPosts();
        seedStaff(mealPoint);
        // The demo volunteer is a verified person (the card identity publishes when a volunteer registers
        // with their ID number in the mini-program; the dev token skips that sign-in), then opens their
        // own time-bank account, as a volunteer would.
        volunteerCards.get().put(new VolunteerCard(COUNTY, subjectFor(Role.VOLUNTEER), LocalDate.of(1965, 5, 1), Sex.FEMALE));
        invoke(new Caller(subjectFor(Role.VOLUNTEER), COUNTY, java.util.Set.of(Role.VOLUNTEER)),
                TimeBankRoutes.REGISTER, Map.of(), "{\"name\":\"张志愿\"}", "demo-volunteer");
        LOG.infof("demo county %s seeded: %d residents (family-demo acts for the first); meal point %s with menus for a week;"
                + " care provider %s with caregiver %s; volunteer-demo has a time-bank account; fund lines with this year's meal and service budgets;"
                + " staff accounts 13905710101 (officer) to 13905710107 sign in with the demo password", COUNTY, residentIds.size(), mealPoint, providerId, caregiverId);
    }

    /**
     * The six fund lines; this year's 助餐补贴 and 服务补贴 budgets appropriated by the seeder and
     * approved by approver-demo (maker-checker holds for the demo too); payee accounts for the demo
     * meal point and provider, ready for settlements.
     */
    private void seedFunds(String mealPoint) {
        invoke(FundRoutes.INSTALL_LINES, Map.of(), "{}", "demo-fund-lines");
        Caller approver = new Caller(subjectFor(Role.APPROVER), COUNTY, java.util.Set.of(Role.APPROVER));
        int year = LocalDate.now(CountyTime.ZONE).getYear();
        for (String line : List.of("MEAL_SUBSIDY", "SERVICE_SUBSIDY")) {
            Reply appropriation = invoke(FundRoutes.APPROPRIATE, Map.of(), """
                    {"fundLine":"%s","fiscalYear":%d,"amountFen":5000000,"memo":"年度预算下达（演示）"}""".formatted(line, year),
                    "demo-budget-" + line);
            if (appropriation.status() == 201) {
                String id = StrictJson.mapper().valueToTree(parse(appropriation.json())).path("id").asText();
                invoke(approver, FundRoutes.APPROVE, Map.of("id", id), "{}", "demo-budget-approval-" + line);
            }
        }
        if (!"(none)".equals(mealPoint)) {
            invoke(FundRoutes.OPEN_ACCOUNT, Map.of(), """
                    {"fundLine":"MEAL_SUBSIDY","payeeType":"MEAL_POINT","payeeRef":"%s","name":"西湖颐乐餐饮有限公司"}""".formatted(mealPoint),
                    "demo-payee-meal-point");
        }
        if (providerId != null) {
            invoke(FundRoutes.OPEN_ACCOUNT, Map.of(), """
                    {"fundLine":"SERVICE_SUBSIDY","payeeType":"PROVIDER","payeeRef":"%s","name":"西湖颐康居家养老服务中心"}""".formatted(providerId),
                    "demo-payee-provider");
        }
    }

    /**
     * 岗位津贴: a care home (an INSTITUTION payee of 机构补贴) with two coded beds, 王秀英 and 刘淑珍 in them, and two
     * certified caregivers each assigned to one, so the console and the API examples show caregivers, their
     * masked numbers and their beds; the county's rates are the built-in default.
     */
    private void seedCaregiverPosts() {
        Reply home = invoke(FundRoutes.OPEN_ACCOUNT, Map.of(), """
                {"fundLine":"INSTITUTION_SUBSIDY","payeeType":"INSTITUTION","payeeRef":"demo-home","name":"西湖区社会福利中心"}""",
                "demo-payee-care-home");
        if (home.status() != 201 || residentIds.size() < 5) {
            return;
        }
        String homeId = StrictJson.mapper().valueToTree(parse(home.json())).path("id").asText();
        LocalDate today = LocalDate.now(CountyTime.ZONE);
        String[][] posts = {
                // bed code, resident index, admitted days ago, caregiver
                {"XH-0101", "0", "40", "孙丽", "330105198203150026", "13905710201", "SENIOR", "HL-2023-0158"},
                {"XH-0102", "4", "20", "钱春梅", "330105197609210039", "13905710202", "INTERMEDIATE", "HL-2021-0932"}};
        for (String[] p : posts) {
            Reply bed = invoke(FundRoutes.REGISTER_BED, Map.of(), """
                    {"institutionAccountId":"%s","code":"%s-%s","bedType":"NURSING","careLevel":"SEVERE"}""".formatted(homeId, COUNTY,
                    p[0]), "demo-bed-" + p[0]);
            Reply caregiver = invoke(FundRoutes.REGISTER_CAREGIVER, Map.of(), """
                    {"name":"%s","idNumber":"%s","phone":"%s","certificateLevel":"%s","certificateNumber":"%s",
                     "certificateFrom":"%s","certificateUntil":"%s"}""".formatted(p[3], p[4], p[5], p[6], p[7],
                    today.minusYears(2), today.plusYears(3)), "demo-care-home-caregiver-" + p[0]);
            if (bed.status() != 201 || caregiver.status() != 201) {
                continue;
            }
            String bedId = StrictJson.mapper().valueToTree(parse(bed.json())).path("id").asText();
            String caregiverOf = StrictJson.mapper().valueToTree(parse(caregiver.json())).path("id").asText();
            LocalDate since = today.minusDays(Integer.parseInt(p[2]));
            invoke(FundRoutes.ADMIT, Map.of("id", bedId), "{\"residentId\":\"%s\",\"admittedOn\":\"%s\"}".formatted(
                    residentIds.get(Integer.parseInt(p[1])), since), "demo-admission-" + p[0]);
            invoke(FundRoutes.ASSIGN_CAREGIVER, Map.of("id", caregiverOf), "{\"bedId\":\"%s\",\"from\":\"%s\"}".formatted(bedId, since),
                    "demo-assignment-" + p[0]);
            if (careHomeCaregiverId == null) {
                careHomeCaregiverId = caregiverOf;
            }
        }
    }

    /** The first care-home caregiver the demo registered (岗位津贴), or null. */
    public String careHomeCaregiverId() {
        return careHomeCaregiverId;
    }

    /**
     * Real staff accounts, signed in with phone and {@value #DEMO_STAFF_PASSWORD} at
     * {@code /v1/auth/staff/sign-in}: the platform makes the county's first officer, who makes the rest,
     * each acting for the demo meal point, provider or caregiver where the role needs one.
     */
    private void seedStaff(String mealPoint) {
        invoke(new Caller("platform-demo", COUNTY, java.util.Set.of(Role.PLATFORM)), IdentityRoutes.CREATE_STAFF, Map.of(),
                staff(COUNTY, "周主任", "13905710101", "officer", null), "demo-staff-officer");
        invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "吴接线", "13905710102", "operator", null), "demo-staff-operator");
        invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "郑食堂", "13905710103", "canteen",
                "{\"canteen\":[\"" + mealPoint + "\"]}"), "demo-staff-canteen");
        if (providerId != null) {
            invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "孙站长", "13905710104", "provider",
                    "{\"provider\":[\"" + providerId + "\"]}"), "demo-staff-provider");
        }
        if (caregiverId != null) {
            invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "刘护理", "13905710105", "caregiver",
                    "{\"caregiver\":[\"" + caregiverId + "\"]}"), "demo-staff-caregiver");
        }
        invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "冯审批", "13905710106", "approver", null), "demo-staff-approver");
        invoke(IdentityRoutes.CREATE_STAFF, Map.of(), staff(null, "钱审计", "13905710107", "auditor", null), "demo-staff-auditor");
    }

    private static String staff(String county, String name, String phone, String role, String org) {
        return "{" + (county == null ? "" : "\"county\":\"" + county + "\",") + "\"name\":\"" + name + "\",\"phone\":\""
                + phone + "\",\"password\":\"" + DEMO_STAFF_PASSWORD + "\",\"roles\":[\"" + role + "\"]"
                + (org == null ? "" : ",\"org\":" + org) + "}";
    }

    /** The default care catalog, one provider serving the demo streets, one certified caregiver. */
    private void seedCare() {
        invoke(BookingRoutes.INSTALL_SERVICES, Map.of(), "{}", "demo-care-catalog");
        Reply provider = invoke(BookingRoutes.CREATE_PROVIDER, Map.of(), CARE_PROVIDER, "demo-care-provider");
        if (provider.status() != 201) {
            return;
        }
        providerId = StrictJson.mapper().valueToTree(parse(provider.json())).path("id").asText();
        Reply caregiver = invoke(BookingRoutes.ADD_CAREGIVER, Map.of("id", providerId), CAREGIVER, "demo-caregiver");
        if (caregiver.status() == 201) {
            caregiverId = StrictJson.mapper().valueToTree(parse(caregiver.json())).path("id").asText();
        }
    }

    /** The county's meal policy, one meal point open every day, and its menus for the coming week. */
    private String seedMeals() {
        invoke(MealRoutes.PUBLISH_POLICY, Map.of(), MEAL_POLICY, "demo-meal-policy");
        Reply point = invoke(MealRoutes.CREATE_POINT, Map.of(), MEAL_POINT, "demo-meal-point");
        if (point.status() != 201) {
            return "(none)";
        }
        String id = StrictJson.mapper().valueToTree(parse(point.json())).path("id").asText();
        LocalDate today = LocalDate.now(CountyTime.ZONE);
        for (int day = 0; day < 7; day++) {
            invoke(MealRoutes.PUT_MENU, Map.of("id", id, "date", today.plusDays(day).toString()), MENU, "demo-menu-" + day);
        }
        return id;
    }

    /** Whom a dev token of this role speaks for: the resident token's subject is the first demo resident. */
    public String subjectFor(Role role) {
        if (role == Role.RESIDENT && !residentIds.isEmpty()) {
            return residentIds.get(0);
        }
        return role.claim() + "-demo";
    }

    /**
     * What a dev token of these roles acts for, as the identity function's tokens for the demo staff say:
     * the demo meal point, provider and caregiver; family-demo is linked to the first resident.
     */
    public Map<String, List<String>> orgFor(List<Role> roles) {
        Map<String, List<String>> org = new java.util.TreeMap<>();
        for (Role role : roles) {
            String id = switch (role) {
                case CANTEEN -> mealPointId;
                case PROVIDER -> providerId;
                case CAREGIVER -> caregiverId;
                case FAMILY -> residentIds.isEmpty() ? null : residentIds.get(0);
                default -> null;
            };
            if (id != null) {
                org.put(role.claim(), List.of(id));
            }
        }
        return org;
    }

    public List<String> residentIds() {
        return List.copyOf(residentIds);
    }

    private Reply invoke(Route route, Map<String, String> params, String body, String key) {
        return invoke(new Caller(SEEDER, COUNTY, java.util.Set.of(Role.OFFICER)), route, params, body, key);
    }

    private Reply invoke(Caller seeder, Route route, Map<String, String> params, String body, String key) {
        try {
            return dispatcher.get().invokeAs(seeder, route, params, body, key);
        } catch (RuntimeException e) {
            // the code of an answer, the class of anything else: a failure's message may hold input
            LOG.infof("demo seed step %s skipped: %s", key,
                    e instanceof ApiException answer ? answer.code().name() : e.getClass().getSimpleName());
            return new Reply(409, "{}", Map.of());
        }
    }

    private static Object parse(String json) {
        try {
            return StrictJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resident(String name, String idNumber, String phone, String street, String categories,
                                   String disability, int ability) {
        return """
                {"name":"%s","idNumber":"%s","phone":"%s",
                 "address":{"streetCode":"%s","communityCode":"%s001","line":"西湖区文三路 %d 号"},
                 "categories":["%s"],%s"abilityLevel":%d,
                 "emergencyContact":{"name":"王小明","relation":"子女","phone":"13905710009"}}"""
                .formatted(name, idNumber, phone, street, street, ability + 10, categories,
                        disability == null ? "" : "\"disabilityLevel\":\"" + disability + "\",", ability);
    }
}
