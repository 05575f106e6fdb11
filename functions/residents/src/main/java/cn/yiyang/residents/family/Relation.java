package cn.yiyang.residents.family;

public enum Relation {
    SPOUSE, CHILD, CHILD_IN_LAW, GRANDCHILD, SIBLING, OTHER_RELATIVE, GUARDIAN
}
