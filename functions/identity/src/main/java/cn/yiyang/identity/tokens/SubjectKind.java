package cn.yiyang.identity.tokens;

/** What a token's subject is: a staff account, or a person who signs in through the mini-program. */
public enum SubjectKind {
    STAFF, RESIDENT, FAMILY, VOLUNTEER
}
