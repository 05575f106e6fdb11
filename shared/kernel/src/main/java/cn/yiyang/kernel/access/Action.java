package cn.yiyang.kernel.access;

/** What a caller does to an object: read it, create one, or act on one that exists (change, cancel, confirm, serve…). */
public enum Action {
    READ, CREATE, ACT
}
