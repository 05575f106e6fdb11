package cn.yiyang.kernel.resident;

/** Resident categories that decide subsidies and priorities, shared by every function. The Chinese label is for people reading lists. */
public enum Category {
    TEKUN("特困"),
    DIBAO("低保"),
    DIBAO_BIANYUAN("低保边缘"),
    SHINENG("失能"),
    DUJU("独居"),
    KONGCHAO("空巢"),
    SHIDU("失独"),
    ZHONGCAN("重残"),
    YOUFU("优抚对象");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
