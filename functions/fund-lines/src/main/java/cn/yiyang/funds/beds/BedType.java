package cn.yiyang.funds.beds;

/** 普通床 / 护理床 / 认知症照护床 / 安宁疗护床. */
public enum BedType {
    STANDARD, NURSING, DEMENTIA, HOSPICE
}
