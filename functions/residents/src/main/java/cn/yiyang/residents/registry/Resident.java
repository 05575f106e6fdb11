package cn.yiyang.residents.registry;

import cn.yiyang.kernel.resident.Category;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A resident in the registry. ID number and phones are held only as ciphertext, keyed-hash
 * index and masked form; nothing here holds them in plain text.
 */
@Entity
@Table(schema = "residents", name = "resident")
public class Resident extends PanacheEntityBase {

    /** Names of the protected fields: ciphertext binding, index scope and query parameters. */
    public static final String ID_NUMBER = "idNumber";
    public static final String PHONE = "phone";
    public static final String EMERGENCY_PHONE = "emergencyPhone";

    @Id
    public UUID id;
    public String county;
    public String name;
    @Column(name = "id_number_enc")
    public byte[] idNumberEnc;
    @Column(name = "id_number_index")
    public byte[] idNumberIndex;
    @Column(name = "id_number_masked")
    public String idNumberMasked;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String sex;
    @Column(name = "phone_enc")
    public byte[] phoneEnc;
    @Column(name = "phone_index")
    public byte[] phoneIndex;
    @Column(name = "phone_masked")
    public String phoneMasked;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    @Column(name = "address_line")
    public String addressLine;
    public String categories;
    @Enumerated(EnumType.STRING)
    @Column(name = "disability_level")
    public DisabilityLevel disabilityLevel;
    @Column(name = "ability_level")
    public Integer abilityLevel;
    @Column(name = "emergency_name")
    public String emergencyName;
    @Column(name = "emergency_relation")
    public String emergencyRelation;
    @Column(name = "emergency_phone_enc")
    public byte[] emergencyPhoneEnc;
    @Column(name = "emergency_phone_masked")
    public String emergencyPhoneMasked;
    @Enumerated(EnumType.STRING)
    public ResidentStatus status;
    @Version
    public int version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Set<Category> categorySet() {
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        if (categories != null && !categories.isEmpty()) {
            for (String code : categories.split(",")) {
                set.add(Category.valueOf(code));
            }
        }
        return set;
    }

    public void categorySet(Set<Category> set) {
        categories = String.join(",", set.stream().sorted().map(Enum::name).toList());
    }

    /** The associated data binding a stored ciphertext to this row and field. */
    public String boundTo(String field) {
        return "resident:" + id + ":" + field;
    }
}
