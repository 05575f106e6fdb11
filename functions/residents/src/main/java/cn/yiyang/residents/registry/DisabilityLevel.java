package cn.yiyang.residents.registry;

/** The degree of 失能, required with that category and only with it. */
public enum DisabilityLevel {
    MILD, MODERATE, SEVERE
}
