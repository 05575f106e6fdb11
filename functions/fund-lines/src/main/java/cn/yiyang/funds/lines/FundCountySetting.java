package cn.yiyang.funds.lines;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A county's ledger rules as stored; every change is also in the audit trail. Named apart from
 * service-bookings' CountySetting: in the local gateway both are entities of one persistence unit.
 */
@Entity(name = "FundCountySetting")
@Table(schema = "funds", name = "county_setting")
public class FundCountySetting extends PanacheEntityBase {

    @Id
    public String county;
    @Column(name = "dual_approval_above_fen")
    public long dualApprovalAboveFen;
    @Column(name = "pending_expiry_hours")
    public int pendingExpiryHours;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
