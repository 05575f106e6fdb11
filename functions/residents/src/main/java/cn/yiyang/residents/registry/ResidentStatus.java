package cn.yiyang.residents.registry;

public enum ResidentStatus {
    ACTIVE, SUSPENDED, MOVED_AWAY, DECEASED
}
